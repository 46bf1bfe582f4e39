import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import type { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Kysely } from 'kysely'
import type { DB } from '../../../db/tables/index.ts'
import { publicAwardBatches, maxLocationsPerAward, type AwardExportFilter } from './award-rows.ts'
import { toGrant } from './grant.ts'
import { CsvSink, JsonPackageSink, type GrantSink } from './sinks.ts'
import { ThreeSixtyGivingValidator, type SchemaProblem } from './validator.ts'

export type ExportFormat = 'json' | 'csv'

export interface ExportOptions extends AwardExportFilter {
  format: ExportFormat
}

export interface ExportSummary {
  grants: number
  format: ExportFormat
}

/** The export would not pass the 360Giving schema: nothing was written. */
export class InvalidExportError extends Error {
  constructor(
    readonly problems: SchemaProblem[],
    readonly totalProblems: number,
  ) {
    const shown = problems.map((p) => `  ${p.where} ${p.path}: ${p.message}`).join('\n')
    const more = totalProblems > problems.length ? `\n  … and ${totalProblems - problems.length} more` : ''
    super(
      `The 360Giving export is not valid, so nothing was written (${totalProblems} ${totalProblems === 1 ? 'problem' : 'problems'}):\n${shown}${more}`,
    )
  }
}

const MAX_PROBLEMS_LISTED = 50

export interface PublisherDetails {
  name: string
  identifier?: string
  /** The home office's 360Giving prefix. */
  prefix?: string
  baseUrl: string
}

/**
 * The register's public awards as a 360Giving data package (JSON) or spreadsheet (CSV), validated grant by
 * grant against the official schemas and written as it goes to a temporary file, which becomes the output
 * only when every grant passed.
 */
export class ThreeSixtyGivingExporter {
  private validator: ThreeSixtyGivingValidator | null = null

  constructor(private readonly db: Kysely<DB>) {}

  /** Writes the export to `path`, replacing it only on success. */
  async toFile(path: string, options: ExportOptions, publisher: PublisherDetails): Promise<ExportSummary> {
    const partial = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.partial`)
    try {
      const summary = await this.write(partial, options, publisher)
      await rename(partial, path)
      return summary
    } finally {
      await rm(partial, { force: true })
    }
  }

  /** Writes the export to a stream once it has been built and validated in full. */
  async toStream(out: Writable, options: ExportOptions, publisher: PublisherDetails): Promise<ExportSummary> {
    const file = join(tmpdir(), `cr-360giving-${randomBytes(6).toString('hex')}.${options.format}`)
    try {
      const summary = await this.write(file, options, publisher)
      await pipeline(createReadStream(file), out)
      return summary
    } finally {
      await rm(file, { force: true })
    }
  }

  private async write(file: string, options: ExportOptions, publisher: PublisherDetails): Promise<ExportSummary> {
    this.validator ??= new ThreeSixtyGivingValidator()
    const validator = this.validator
    const out = createWriteStream(file)
    const sink: GrantSink =
      options.format === 'csv' ? new CsvSink(out, await maxLocationsPerAward(this.db)) : new JsonPackageSink(out)
    const metadata = packageMetadata(publisher, options)
    const problems: SchemaProblem[] = []
    let totalProblems = 0
    let grants = 0
    const note = (found: SchemaProblem[]) => {
      totalProblems += found.length
      for (const p of found) if (problems.length < MAX_PROBLEMS_LISTED) problems.push(p)
    }
    try {
      for await (const batch of publicAwardBatches(this.db, options)) {
        for (const row of batch) {
          const grant = toGrant(row, publisher.baseUrl)
          if (grants === 0) {
            note(validator.checkEnvelope(metadata, grant))
            if (!totalProblems) await sink.start(metadata)
          }
          grants++
          note(validator.checkGrant(grant))
          if (!totalProblems) await sink.write(grant)
        }
      }
      if (grants === 0)
        note([
          {
            where: 'package',
            path: '/grants',
            message: 'there are no published awards to export (a 360Giving package needs at least one grant)',
          },
        ])
      if (!totalProblems) await sink.end()
    } finally {
      out.end()
      await once(out, 'close')
    }
    if (totalProblems) throw new InvalidExportError(problems, totalProblems)
    return { grants, format: options.format }
  }
}

function packageMetadata(publisher: PublisherDetails, options: ExportOptions): Record<string, unknown> {
  const now = new Date().toISOString()
  const range =
    options.from || options.to
      ? ` awarded ${options.from ? `from ${options.from}` : ''}${options.from && options.to ? ' ' : ''}${options.to ? `to ${options.to}` : ''}`
      : ''
  return {
    version: '1.4',
    title: `${publisher.name}: grants and contracts${range}`,
    description: `Awards published in ${publisher.name}, with what was withheld left out.`,
    identifier: `360G-${publisher.prefix ?? 'register'}-package-${now.slice(0, 19).replace(/\D/g, '')}`,
    issued: now,
    modified: now,
    publisher: {
      name: publisher.name,
      ...(publisher.identifier ? { identifier: publisher.identifier } : {}),
      website: publisher.baseUrl,
    },
    accessURL: `${publisher.baseUrl}/open-data`,
    license: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
  }
}
