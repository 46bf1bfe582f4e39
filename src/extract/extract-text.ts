/** Pure extraction: text in, a draft record with provenance and findings out. */
import type { Finding } from '../domain/finding-codes.ts'
import { findAreas } from './areas.ts'
import { awardFromContractValue, awardFromLabels, awardsFromProse, awardsFromTables, dedupeAwards } from './awards.ts'
import { checkAmounts, checkStatedTotal, checkTables, checkTotalsLines } from './checks.ts'
import { checkDates, checkPeriods, type BudgetPeriod } from './date-checks.ts'
import { checkBreakdowns } from './breakdown-checks.ts'
import { contributionsFromProse, contributionsFromTables, dedupeContributions } from './contributions.ts'
import { buildDoc, type Doc } from './document.ts'
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

type Tables = ReturnType<typeof findTables>

/** What the extractor found in one document, each with the line it came from. */
interface Found {
  office: ReturnType<typeof findOffice>
  reference: ReturnType<typeof findReference>
  title: ReturnType<typeof findTitle>
  dates: ReturnType<typeof readDates>
  awards: ReturnType<typeof dedupeAwards>
  contributions: ReturnType<typeof dedupeContributions>
  total: ReturnType<typeof findStatedTotal>
  funding: ReturnType<typeof findFundingSources>
  areas: ReturnType<typeof findAreas>
  period: ReturnType<typeof findServicePeriod>
}

function extractFromDoc(doc: Doc, fileName: string): ExtractedDraft {
  const labels = readLabels(doc)
  const kind = classifyKind(doc)
  const office = findOffice(doc)
  const reference = findReference(doc, labels)
  const title = findTitle(doc, labels, office?.line ?? null)
  const dates = readDates(doc, labels, kind)
  const tables = findTables(doc)
  const tableLines = new Set<number>()
  for (const table of tables) for (let no = table.firstLine; no <= table.lastLine; no++) tableLines.add(no)
  const { awards, contributions } = readAwardsAndContributions(doc, labels, tables, tableLines, office)
  const total = findStatedTotal(doc, labels, tables, tableLines, kind !== 'foi_response')
  const funding = findFundingSources(doc, labels, tables, tableLines)
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
  const period = findServicePeriod(
    doc,
    labels,
    tableLines,
    kind === 'foi_response' ? new Set(awards.map((a) => a.source.line)) : null,
  )
  const found: Found = { office, reference, title, dates, awards, contributions, total, funding, areas, period }
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
    findings: documentFindings(doc, tables, kind, found),
    provenance: provenanceOf(doc, found),
  }
}

/** The awards and the contributions a document makes, from its labels, tables and prose, none counted as both. */
function readAwardsAndContributions(
  doc: Doc,
  labels: ReturnType<typeof readLabels>,
  tables: Tables,
  tableLines: Set<number>,
  office: Found['office'],
): Pick<Found, 'awards' | 'contributions'> {
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
  return { awards, contributions }
}

/** The line each extracted field came from, keyed by the field's name in the record. */
function provenanceOf(doc: Doc, found: Found): Record<string, Source> {
  const provenance: Record<string, Source> = {}
  const src = (line: number): Source => ({ line, text: doc.lines[line - 1]!.raw.trim() })
  if (found.office) provenance.office = src(found.office.line.no)
  if (found.reference) provenance.reference = src(found.reference.line.no)
  if (found.title) provenance.title = src(found.title.line.no)
  if (found.dates.decision) provenance.decision_date = src(found.dates.decision.line.no)
  found.awards.forEach((award, i) => (provenance[`awards[${i}]`] = award.source))
  found.contributions.forEach((c, i) => (provenance[`contributions[${i}]`] = c.source))
  if (found.total) provenance.total_amount = found.total.source
  found.funding.forEach((f, i) => (provenance[`funding_sources[${i}]`] = f.source))
  found.areas.forEach((a, i) => (provenance[`areas[${i}]`] = a.source))
  const period = found.period
  if (period.startSource) provenance['service_period.start'] = period.startSource
  if (period.endSource) provenance['service_period.end'] = period.endSource
  if (period.extensionSource) provenance['service_period.extension'] = period.extensionSource
  return provenance
}

/** The periods a document budgets for: its tables' dated amounts and its awards' periods. */
function budgetPeriods(tables: Tables, awards: Found['awards']): BudgetPeriod[] {
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
  return budget
}

/** Every inconsistency the checks find, each said once, in line order. */
function documentFindings(doc: Doc, tables: Tables, kind: ReturnType<typeof classifyKind>, found: Found): Finding[] {
  const budget = budgetPeriods(tables, found.awards)
  const reported = new Set<string>()
  const findings: Finding[] = [
    ...checkTables(tables, reported),
    ...checkTotalsLines(doc, tables, reported),
    ...checkAmounts(doc, reported),
    ...checkStatedTotal(found.total, found.awards, found.contributions, tables),
    ...checkBreakdowns(doc),
    ...checkPeriods(found.period, budget),
    ...checkDates(found.dates, kind),
  ]
  const mismatchLines = new Set(
    findings.filter((f) => f.code === 'total_mismatch' && !f.message.startsWith('The breakdown')).map((f) => f.line),
  )
  const seen = new Set<string>()
  return findings
    .filter(
      (f) =>
        !(f.message.startsWith('The breakdown') && mismatchLines.has(f.line)) &&
        !seen.has(f.message) &&
        seen.add(f.message),
    )
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}
