import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { stat, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import { loadConfig } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import { SettingsService } from '../offices/settings.ts'
import { ApiAwardQueries } from './api/awards.ts'
import { ApiDecisionQueries } from './api/decisions.ts'
import { ApiDisclosureQueries } from './api/disclosure-log.ts'
import { ApiFundingStreamQueries } from './api/funding-streams.ts'
import { ApiOrganisationQueries } from './api/organisations.ts'
import { ApiServiceQueries } from './api/services.ts'
import { StaffDecisionQueries } from './api/staff-decisions.ts'
import { publicAwardBatches } from './three-sixty-giving/award-rows.ts'
import { disclosureLogRows, registerTableRows, type CsvRow, type RegisterTableFilter } from './csv-tables.ts'
import { renderAtom } from './atom.ts'
import { FeedQueries, type FeedEntry } from './feeds.ts'
import { PublicationChecklist } from './publication-checklist.ts'
import { UploadedDocuments } from './staff-documents.ts'
import {
  ThreeSixtyGivingExporter,
  type ExportFormat,
  type ExportOptions,
  type ExportSummary,
  type PublisherDetails,
} from './three-sixty-giving/exporter.ts'

export { InvalidExportError, type ExportFormat, type ExportOptions } from './three-sixty-giving/exporter.ts'

/** How long a built 360Giving download is served before it is built again. */
const DOWNLOAD_SECONDS = 600

/** Built downloads are temporary files: none outlives the process. */
const builtFiles = new Set<string>()
process.once('exit', () => {
  for (const file of builtFiles) rmSync(file, { force: true })
})

/**
 * An office's public register (/offices/{slug}): its offices (the office and its predecessors), the start of its
 * addresses and its name. Open data of the register holds only those offices' records and links inside it.
 */
export interface PublicRegister {
  offices: number[]
  base: string
  name: string
}

export interface OpenDataOptions {
  /** The register's public address, for links in exports and feeds (PUBLIC_BASE_URL). */
  baseUrl: string
}

/** Everything the register publishes as data: 360Giving exports, the public API's reads, CSV, feeds. */
export class OpenDataService {
  readonly baseUrl: string
  private readonly exporter: ThreeSixtyGivingExporter
  private readonly settings: SettingsService
  readonly decisions: ApiDecisionQueries
  readonly awards: ApiAwardQueries
  readonly organisations: ApiOrganisationQueries
  readonly services: ApiServiceQueries
  readonly fundingStreams: ApiFundingStreamQueries
  readonly disclosureLog: ApiDisclosureQueries
  readonly staffDecisions: StaffDecisionQueries
  readonly documents: UploadedDocuments
  private readonly feeds: FeedQueries
  readonly checklist: PublicationChecklist
  private readonly downloads = new Map<string, { built: number; file: Promise<string> }>()

  constructor(
    private readonly database: Database,
    options: OpenDataOptions = { baseUrl: loadConfig().publicBaseUrl },
  ) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.exporter = new ThreeSixtyGivingExporter(database.db)
    this.settings = new SettingsService(database)
    const db = database.db
    this.decisions = new ApiDecisionQueries(db, this.baseUrl)
    this.awards = new ApiAwardQueries(db)
    this.organisations = new ApiOrganisationQueries(db)
    this.services = new ApiServiceQueries(db)
    this.fundingStreams = new ApiFundingStreamQueries(db)
    this.disclosureLog = new ApiDisclosureQueries(db)
    this.staffDecisions = new StaffDecisionQueries(db)
    this.documents = new UploadedDocuments(database)
    this.feeds = new FeedQueries(db)
    this.checklist = new PublicationChecklist(db)
  }

  async export360ToFile(path: string, options: ExportOptions): Promise<ExportSummary> {
    return this.exporter.toFile(path, options, await this.publisher())
  }

  async export360ToStream(out: Writable, options: ExportOptions): Promise<ExportSummary> {
    return this.exporter.toStream(out, options, await this.publisher())
  }

  /**
   * The whole register's 360Giving export as a file, built at most once every ten minutes and shared by
   * concurrent downloads. Rejects with InvalidExportError when the data would not validate.
   */
  async download360(format: ExportFormat, register?: PublicRegister): Promise<string> {
    const key = register ? `${format}:${register.offices.join(',')}` : format
    const cached = this.downloads.get(key)
    if (cached && Date.now() - cached.built < DOWNLOAD_SECONDS * 1000) {
      const file = await cached.file.catch(() => null)
      if (file && (await stat(file).catch(() => null))) return file
    }
    const file = join(tmpdir(), `cr-360giving-${randomBytes(6).toString('hex')}.${format}`)
    builtFiles.add(file)
    const building = this.export360ToFile(file, { format, offices: register?.offices }).then(() => file)
    this.downloads.set(key, { built: Date.now(), file: building })
    building.catch(() => this.downloads.delete(key))
    if (cached) void cached.file.then((old) => rm(old, { force: true })).catch(() => undefined)
    return building
  }

  /** Whether the register (the whole one, or an office's) has a published award for a 360Giving file to hold. */
  async hasGrants(register?: PublicRegister): Promise<boolean> {
    for await (const batch of publicAwardBatches(this.database.db, { offices: register?.offices }, 1))
      return batch.length > 0
    return false
  }

  /** The rows of the home page's table (header first), every page of it with the page's filters. */
  registerTable(filter: RegisterTableFilter): AsyncGenerator<CsvRow> {
    return registerTableRows(this.database.db, filter, this.baseUrl)
  }

  /** The rows of the disclosure log's table (header first) with its search words. */
  disclosureLogTable(filter: { text?: string; offices?: readonly number[] }): AsyncGenerator<CsvRow> {
    return disclosureLogRows(this.database.db, filter)
  }

  /** Atom: newly published decisions. */
  async decisionsFeed(register?: PublicRegister): Promise<string> {
    const entries = await this.feeds.latest(register?.offices)
    return this.atom(register, 'newly published decisions', '/feeds/decisions.atom', '/', entries)
  }

  /** Atom: decisions with an award to one provider; undefined for an unknown provider. */
  async providerFeed(slug: string, register?: PublicRegister): Promise<string | undefined> {
    const found = await this.feeds.provider(slug, register?.offices)
    if (!found) return undefined
    const about = `decisions about ${found.subject.name}`
    return this.atom(register, about, `/feeds/providers/${slug}.atom`, `/providers/${slug}`, found.entries)
  }

  /** Atom: decisions for one area; undefined for an unknown area. */
  async areaFeed(slug: string, register?: PublicRegister): Promise<string | undefined> {
    const found = await this.feeds.area(slug, register?.offices)
    if (!found) return undefined
    const about = `decisions for ${found.subject.name}`
    return this.atom(register, about, `/feeds/areas/${slug}.atom`, `/services?area=${slug}`, found.entries)
  }

  /** A feed of the register (the whole one, or an office's): `about` ends its title; the paths follow the register's base. */
  private async atom(
    register: PublicRegister | undefined,
    about: string,
    feedPath: string,
    pagePath: string,
    entries: FeedEntry[],
  ): Promise<string> {
    const site = await this.settings.site()
    const base = `${this.baseUrl}${register?.base ?? ''}`
    return renderAtom(
      {
        title: `${register?.name ?? site.registerName}: ${about}`,
        self: `${base}${feedPath}`,
        alternate: `${base}${pagePath}`,
        author: register?.name ?? site.officeName,
        entries,
      },
      base,
    )
  }

  /** An office by its id, 360Giving prefix or slug (for the export's --office). */
  async findOffice(key: string): Promise<{ id: number; name: string } | undefined> {
    const id = /^\d+$/.test(key) ? Number(key) : -1
    return this.database.db
      .selectFrom('offices as f')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['o.id', 'o.name'])
      .where((eb) =>
        eb.or([
          eb('o.id', '=', id),
          eb('f.open_data_prefix', '=', key),
          eb('o.slug', '=', key),
          eb('f.short_name', '=', key),
        ]),
      )
      .executeTakeFirst()
  }

  private async publisher(): Promise<PublisherDetails> {
    const site = await this.settings.site()
    const home = await this.database.db
      .selectFrom('register_settings as s')
      .innerJoin('organisations as o', 'o.id', 's.home_office_id')
      .innerJoin('offices as f', 'f.organisation_id', 's.home_office_id')
      .select(['o.org_id', 'f.open_data_prefix'])
      .executeTakeFirst()
    return {
      name: site.officeName,
      identifier: home?.org_id ?? undefined,
      prefix: home?.open_data_prefix ?? undefined,
      baseUrl: this.baseUrl,
    }
  }
}
