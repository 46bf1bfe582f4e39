/** `commissioning-register extract FILE… [--json]`: what each document says, with findings; nothing is stored. */
import type { Command } from 'commander'
import { loadConfig } from '../../config.ts'
import { formatPence } from '../../domain/money.ts'
import { ExtractError, extractFile, type ExtractedDraft, type ExtractedRecord } from '../../extract/index.ts'

export function registerExtractCommand(program: Command): void {
  program
    .command('extract')
    .description('Read published decision documents (PDF, Word, HTML, text) and print what they say, with findings')
    .argument('<files...>', 'documents to read')
    .option('--json', 'print one JSON object per file (a JSON array when several files are given)')
    .action(async (files: string[], options: { json?: boolean }) => {
      const config = loadConfig()
      const limits = { maxBytes: config.maxUploadBytes, limits: config.importLimits }
      const records: ExtractedRecord[] = []
      let failed = 0
      for (const file of files) {
        try {
          const { record, draft } = await extractFile(file, limits)
          records.push(record)
          if (!options.json) process.stdout.write(`${summary(draft)}\n`)
        } catch (error) {
          failed++
          const message = error instanceof ExtractError ? error.message : `${file}: the document could not be read`
          process.stderr.write(`error: ${message}\n`)
        }
      }
      if (options.json)
        process.stdout.write(`${JSON.stringify(files.length === 1 ? (records[0] ?? null) : records, null, 2)}\n`)
      if (failed > 0) process.exitCode = 1
    })
}

function summary(draft: ExtractedDraft): string {
  const lines = [
    `${draft.file}`,
    `  ${draft.kind}${draft.reference ? ` ${draft.reference}` : ''}${draft.office ? ` — ${draft.office}` : ''}`,
    `  ${draft.title ?? '(no title found)'}`,
  ]
  if (draft.decisionDate) lines.push(`  dated ${draft.decisionDate}`)
  if (draft.totalAmount !== null) lines.push(`  stated total ${formatPence(draft.totalAmount)}`)
  for (const award of draft.awards)
    lines.push(
      `  award: ${award.recipient} ${formatPence(award.amount)}${award.period ? ` (${award.period})` : ''}${award.via ? ` via ${award.via}` : ''}`,
    )
  for (const c of draft.contributions)
    lines.push(
      `  contribution: ${c.organisation} ${c.upTo ? 'up to ' : ''}${formatPence(c.amount)}${c.perAnnum ? ' per annum' : ''}`,
    )
  if (draft.fundingSources.length) lines.push(`  funding: ${draft.fundingSources.join('; ')}`)
  if (draft.areas.length) lines.push(`  areas: ${draft.areas.join(', ')}`)
  const period = draft.servicePeriod
  if (period.start || period.end)
    lines.push(
      `  service: ${period.start ?? '?'} to ${period.end ?? '?'}${period.extension ? ` (${period.extension})` : ''}`,
    )
  lines.push(draft.findings.length ? `  ${draft.findings.length} finding(s):` : '  no findings')
  for (const f of draft.findings)
    lines.push(`    ${f.severity} ${f.code}${f.line ? ` (line ${f.line})` : ''}: ${f.message}`)
  return lines.join('\n')
}
