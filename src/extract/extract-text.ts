/** Pure extraction: text in, a draft record with provenance and findings out. */
import type { Finding } from '../domain/finding-codes.ts'
import { findAreas } from './areas.ts'
import { awardFromContractValue, awardFromLabels, awardsFromProse, awardsFromTables, dedupeAwards } from './awards.ts'
import { checkAmounts, checkStatedTotal, checkTables, checkTotalsLines } from './checks.ts'
import { checkDates, checkPeriods, type BudgetPeriod } from './date-checks.ts'
import { checkBreakdowns } from './breakdown-checks.ts'
import { contributionsFromProse, contributionsFromTables, dedupeContributions } from './contributions.ts'
import { buildDoc } from './document.ts'
import { chooseEntry, findEntries, focusText } from './entries.ts'
import { findFundingSources } from './funding.ts'
import { classifyKind } from './kind.ts'
import { readLabels } from './labels.ts'
import { findOffice } from './office.ts'
import { findAbbreviations, findCouncils, type OrgContext } from './orgs.ts'
import { parsePeriodLabel } from './period-label.ts'
import { readOcds } from './ocds.ts'
import { findServicePeriod } from './period.ts'
import { findReference } from './reference.ts'
import { documentRoute, findLeads } from './routes.ts'
import { readDates } from './signoffs.ts'
import { cellPeriod, findTables } from './tables.ts'
import { findTitle, withoutLeadingReference } from './title.ts'
import { findStatedTotal } from './total.ts'
import type { ExtractedDraft, Source } from './types.ts'

// eslint-disable-next-line no-control-regex -- stray control characters from PDFs and old word processors are what this removes
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g

/** Text as the extractor sees it: Unix line ends, no form feeds or stray control characters. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\f/g, '\n').replace(CONTROL, ' ')
}

export function extractDraft(text: string, fileName: string): ExtractedDraft {
  const normalised = normaliseText(text)
  const whole = buildDoc(normalised)
  const entries = findEntries(whole)
  const entry = chooseEntry(whole, entries)
  const doc = entry && entries.length > 1 ? buildDoc(focusText(normalised, entries, entry)) : whole
  const draft = extractFromDoc(doc, fileName)
  const src = (line: number): Source => ({ line, text: whole.lines[line - 1]!.raw.trim() })
  if (entry) {
    if (entry.reference) {
      draft.reference = entry.reference
      draft.provenance.reference = src(entry.line.no)
    }
    if (entry.title) {
      draft.title = entry.title
      draft.provenance.title = src(entry.line.no)
    }
    if (entry.date) {
      draft.decisionDate = entry.date
      draft.provenance.decision_date = src(entry.line.no)
    }
  }
  const ocds = readOcds(normalised)
  if (ocds)
    applyOcds(
      draft,
      ocds,
      whole.lines.map((l) => l.raw),
    )
  return draft
}

function applyOcds(draft: ExtractedDraft, ocds: NonNullable<ReturnType<typeof readOcds>>, raw: string[]): void {
  const at = (key: string, value: string | number | null): Source | null => {
    if (value === null) return null
    const index = raw.findIndex((line) => line.includes(`"${key}"`) && line.includes(String(value)))
    return index >= 0 ? { line: index + 1, text: raw[index]!.trim() } : null
  }
  const set = (field: string, source: Source | null): void => {
    if (source) draft.provenance[field] = source
  }
  draft.kind = 'decision'
  if (ocds.reference) {
    draft.reference = ocds.reference
    set('reference', at('id', ocds.reference))
  }
  if (ocds.title) {
    draft.title = ocds.title
    set('title', at('title', ocds.title))
  }
  if (ocds.date) {
    draft.decisionDate = ocds.date
    set('decision_date', at('date', ocds.date))
  }
  if (ocds.total !== null) {
    draft.totalAmount = ocds.total
    set('total_amount', at('amount', ocds.total / 100))
  }
  if (ocds.start) {
    draft.servicePeriod.start = ocds.start
    set('service_period.start', at('startDate', ocds.start))
  }
  if (ocds.end) {
    draft.servicePeriod.end = ocds.end
    set('service_period.end', at('endDate', ocds.end))
  }
  if (ocds.awards.length) {
    draft.awards = ocds.awards.map((a) => ({
      recipient: a.recipient,
      amount: a.amount,
      period: null,
      perAnnum: false,
      upTo: false,
      via: null,
      route: null,
      source: at('name', a.recipient) ?? { line: 1, text: raw[0]!.trim() },
    }))
  }
}

function extractFromDoc(doc: ReturnType<typeof buildDoc>, fileName: string): ExtractedDraft {
  const provenance: Record<string, Source> = {}
  const src = (line: number): Source => ({ line, text: doc.lines[line - 1]!.raw.trim() })
  const labels = readLabels(doc)
  const kind = classifyKind(doc)
  const office = findOffice(doc)
  if (office) provenance.office = src(office.line.no)
  const reference = findReference(doc, labels)
  if (reference) provenance.reference = src(reference.line.no)
  const title = findTitle(doc, labels, office?.line ?? null)
  if (title) provenance.title = src(title.line.no)
  const dates = readDates(doc, labels, kind)
  if (dates.decision) provenance.decision_date = src(dates.decision.line.no)

  const tables = findTables(doc)
  const tableLines = new Set<number>()
  for (const table of tables) for (let no = table.firstLine; no <= table.lastLine; no++) tableLines.add(no)

  const org: OrgContext = {
    office: office?.name ?? null,
    officeArea: office?.area ?? null,
    abbreviations: findAbbreviations(doc),
    councils: findCouncils(doc),
  }
  const leads = [...new Set(findLeads(doc, org).map((lead) => lead.name))]
  const awardContext = { org, route: documentRoute(doc), via: leads.length === 1 ? leads[0]! : null, tableLines }

  const contributions = dedupeContributions([
    ...contributionsFromTables(doc, tables, org),
    ...contributionsFromProse(doc, org, tableLines),
  ])
  const labelAward = awardFromLabels(doc, labels, awardContext)
  const tableAwards = [...(labelAward ? [labelAward] : []), ...awardsFromTables(doc, tables, awardContext)]
  let awards = dedupeAwards([...tableAwards, ...awardsFromProse(doc, awardContext, tableAwards.length)])
  awards = awards.filter(
    (award) => !contributions.some((c) => c.amount === award.amount && c.source.line === award.source.line),
  )
  if (!awards.length && !contributions.length) {
    const single = awardFromContractValue(doc, awardContext)
    if (single) awards = [single]
  }
  awards.forEach((award, i) => (provenance[`awards[${i}]`] = award.source))
  contributions.forEach((c, i) => (provenance[`contributions[${i}]`] = c.source))

  const total = findStatedTotal(doc, labels, tables, tableLines, kind !== 'foi_response')
  if (total) provenance.total_amount = total.source
  const funding = findFundingSources(doc, labels, tables, tableLines)
  funding.forEach((f, i) => (provenance[`funding_sources[${i}]`] = f.source))
  const areas = findAreas(
    doc,
    labels,
    tables,
    office?.area ?? null,
    title?.line.no ?? null,
    tableLines,
    awards.map((a) => a.recipient),
    office?.line.no ?? null,
  )
  areas.forEach((a, i) => (provenance[`areas[${i}]`] = a.source))
  const period = findServicePeriod(
    doc,
    labels,
    tableLines,
    kind === 'foi_response' ? new Set(awards.map((a) => a.source.line)) : null,
  )
  if (period.startSource) provenance['service_period.start'] = period.startSource
  if (period.endSource) provenance['service_period.end'] = period.endSource
  if (period.extensionSource) provenance['service_period.extension'] = period.extensionSource

  const budget: BudgetPeriod[] = []
  for (const table of tables) {
    for (const row of table.rows) {
      for (const cell of row.amounts) {
        const p = cellPeriod(table, row, cell)
        if (p && (cell.reading.pence ?? cell.reading.likely))
          budget.push({
            label: p.label,
            start: p.range.start,
            end: p.range.end,
            line: table.transposed ? row.line.no : (table.header?.line.no ?? row.line.no),
          })
      }
    }
  }
  for (const award of awards) {
    const range = award.period ? parsePeriodLabel(award.period) : null
    if (range) budget.push({ label: award.period!, start: range.start, end: range.end, line: award.source.line })
  }

  const reported = new Set<string>()
  const findings: Finding[] = [
    ...checkTables(tables, reported),
    ...checkTotalsLines(doc, tables, reported),
    ...checkAmounts(doc, reported),
    ...checkStatedTotal(total, awards, contributions, tables),
    ...checkBreakdowns(doc),
    ...checkPeriods(period, budget),
    ...checkDates(dates, kind),
  ]
  const mismatchLines = new Set(
    findings.filter((f) => f.code === 'total_mismatch' && !f.message.startsWith('The breakdown')).map((f) => f.line),
  )
  const seen = new Set<string>()
  const uniqueFindings = findings
    .filter(
      (f) =>
        !(f.message.startsWith('The breakdown') && mismatchLines.has(f.line)) &&
        !seen.has(f.message) &&
        seen.add(f.message),
    )
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))

  return {
    file: fileName,
    kind,
    office: office?.name ?? null,
    reference: reference?.value ?? null,
    title: title ? withoutLeadingReference(title.value, reference?.value ?? null) : null,
    decisionDate: dates.decision?.date ?? null,
    totalAmount: total?.amount ?? null,
    awards,
    contributions,
    fundingSources: funding.map((f) => f.name),
    areas: areas.map((a) => a.name),
    servicePeriod: { start: period.start, end: period.end, extension: period.extension },
    findings: uniqueFindings,
    provenance,
  }
}
