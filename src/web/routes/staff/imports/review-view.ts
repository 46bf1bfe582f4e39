/** What the review page shows: the record's values as a form, the source text with line numbers, and where each value came from. */
import { DECISION_KINDS, KIND_LABELS, PROCUREMENT_ROUTES, ROUTE_LABELS } from '../../../../domain/decision.ts'
import { formatPence } from '../../../../domain/money.ts'
import { formatUkDate } from '../../../../domain/uk-date.ts'
import type { ExtractedRecord, Source } from '../../../../extract/index.ts'
import type {
  AwardRowValues,
  ContributionRowValues,
  ImportReview,
  ReviewValues,
} from '../../../../services/imports/index.ts'
import type { LearnedRecord } from '../../../../services/imports/layout-learning.ts'

export interface SourceLine {
  number: number
  text: string
  /** Labels of the values (and findings) that come from this line; non-empty lines are highlighted. */
  labels: string[]
}

export interface FindingView {
  severity: 'error' | 'warning'
  message: string
  line: number | null
  /** For an acknowledged Error: who acknowledged it, when (ISO) and why. */
  acknowledged: { by: string; at: string; reason: string } | null
}

interface FindingRow {
  id: number
  field: string | null
  severity: 'error' | 'warning'
  message: string
  line: number | null
  acknowledged_by_label?: string | null
  acknowledged_at?: Date | string | null
  acknowledgement?: string | null
}

function acknowledgedOf(f: FindingRow): FindingView['acknowledged'] {
  if (!f.acknowledged_at || !f.acknowledgement) return null
  return { by: f.acknowledged_by_label ?? '', at: new Date(f.acknowledged_at).toISOString(), reason: f.acknowledgement }
}

/** The Error findings still to be acknowledged before the record is confirmed, numbered as the form names them. */
export function openErrors(
  findings: FindingRow[],
): Array<{ id: number; number: number; message: string; line: number | null }> {
  return findings
    .filter((f) => f.severity === 'error' && !acknowledgedOf(f))
    .map((f, i) => ({ id: Number(f.id), number: i + 1, message: f.message, line: f.line }))
}

const amountText = (pence: number | null) => (pence === null ? '' : formatPence(pence).replace('£', ''))

/** The record as stored, in the form's terms. */
export function storedValues(review: ImportReview): ReviewValues {
  const { detail, extraction } = review
  const d = detail.decision
  const lineOf = (key: string) => String(extraction?.provenance[key]?.line ?? '')
  return {
    kind: d.kind,
    officeId: String(d.office_id),
    reference: d.reference ?? '',
    title: d.title,
    summary: d.executive_summary ?? '',
    decisionText: d.decision_text ?? '',
    decisionDate: formatUkDate(d.date_decided),
    statedTotal: amountText(d.stated_total_pence),
    statedTotalPerAnnum: d.stated_total_per_annum,
    areas: detail.areas.map((a) => a.name).join(', '),
    awards: detail.awards.map((a, i): AwardRowValues => ({
      recipient: a.recipient_name,
      amount: amountText(a.amount_pence),
      period: a.period_label ?? '',
      start: formatUkDate(a.period_start),
      end: formatUkDate(a.period_end),
      perAnnum: a.per_annum,
      upTo: a.up_to,
      via: a.via_name ?? '',
      route: a.route ?? '',
      line: lineOf(`awards[${i}]`),
      remove: false,
    })),
    contributions: detail.contributions.map((c, i): ContributionRowValues => ({
      organisation: c.organisation_name,
      amount: amountText(c.amount_pence),
      perAnnum: c.per_annum,
      upTo: c.up_to,
      line: lineOf(`contributions[${i}]`),
      remove: false,
    })),
  }
}

export const BLANK_AWARD: AwardRowValues = {
  recipient: '',
  amount: '',
  period: '',
  start: '',
  end: '',
  perAnnum: false,
  upTo: false,
  via: '',
  route: '',
  line: '',
  remove: false,
}
export const BLANK_CONTRIBUTION: ContributionRowValues = {
  organisation: '',
  amount: '',
  perAnnum: false,
  upTo: false,
  line: '',
  remove: false,
}

const FIELD_LABELS: Record<string, string> = {
  office: 'Office',
  reference: 'Reference',
  title: 'Title',
  decision_date: 'Date of the decision',
  total_amount: 'Total stated',
  service_period: 'Service period',
  funding_sources: 'Funding source',
  areas: 'Area',
}

function labelOf(key: string): string {
  const row = /^(awards|contributions)\[(\d+)\]$/.exec(key)
  if (row) return `${row[1] === 'awards' ? 'Award' : 'Contribution'} ${Number(row[2]) + 1}`
  return FIELD_LABELS[key.replace(/\[\d+\]$/, '').replace(/\..*$/, '')] ?? key
}

/** Every line of the source, each labelled with the values and findings it is the source of. */
export function sourceLines(
  text: string,
  extraction: ExtractedRecord | null,
  findings: Array<{ line: number | null }>,
  values: ReviewValues,
): SourceLine[] {
  const lines = text.split('\n').map((t, i): SourceLine => ({ number: i + 1, text: t, labels: [] }))
  const label = (line: number | null | undefined, name: string) => {
    const entry = line ? lines[line - 1] : undefined
    if (entry && !entry.labels.includes(name)) entry.labels.push(name)
  }
  for (const [key, source] of Object.entries(extraction?.provenance ?? {})) {
    if (!/^(awards|contributions)\[/.test(key)) label(source.line, labelOf(key))
  }
  values.awards.forEach((row, i) => label(Number(row.line) || null, `Award ${i + 1}`))
  values.contributions.forEach((row, i) => label(Number(row.line) || null, `Contribution ${i + 1}`))
  for (const f of findings) label(f.line, 'Finding')
  return lines
}

/** Findings by the field they concern ("title", "awards[2]"…); those about the document as a whole under "document". */
export function findingsByField(findings: FindingRow[]): Record<string, FindingView[]> {
  const grouped: Record<string, FindingView[]> = {}
  for (const f of findings)
    (grouped[f.field ?? 'document'] ??= []).push({
      severity: f.severity,
      message: f.message,
      line: f.line,
      acknowledged: acknowledgedOf(f),
    })
  return grouped
}

/** The source of each header value, and of each area, for the "line N" links beside the fields. */
export function headerSources(extraction: ExtractedRecord | null): Record<string, Source | Source[]> {
  const p = extraction?.provenance ?? {}
  const list = (prefix: string) =>
    Object.entries(p)
      .filter(([key]) => key.startsWith(`${prefix}[`))
      .map(([, s]) => s)
  const pick = (key: string) => p[key]
  const sources: Record<string, Source | Source[]> = {}
  for (const [field, key] of [
    ['officeId', 'office'],
    ['reference', 'reference'],
    ['title', 'title'],
    ['decisionDate', 'decision_date'],
    ['statedTotal', 'total_amount'],
  ] as const) {
    const source = pick(key)
    if (source) sources[field] = source
  }
  sources.areas = list('areas')
  return sources
}

/** What else the document said that the record does not hold as an editable value. */
export function otherFacts(
  extraction: ExtractedRecord | null,
): Array<{ label: string; value: string; line: number | null }> {
  if (!extraction) return []
  const facts: Array<{ label: string; value: string; line: number | null }> = []
  extraction.funding_sources.forEach((name, i) =>
    facts.push({
      label: 'Funding source',
      value: name,
      line: extraction.provenance[`funding_sources[${i}]`]?.line ?? null,
    }),
  )
  const period = extraction.service_period
  if (period.start)
    facts.push({
      label: 'Service starts',
      value: formatUkDate(period.start),
      line: extraction.provenance['service_period.start']?.line ?? null,
    })
  if (period.end)
    facts.push({
      label: 'Service ends',
      value: formatUkDate(period.end),
      line: extraction.provenance['service_period.end']?.line ?? null,
    })
  if (period.extension)
    facts.push({
      label: 'Extension',
      value: period.extension,
      line: extraction.provenance['service_period.extension']?.line ?? null,
    })
  return facts
}

export const kindItems = (selected: string) =>
  DECISION_KINDS.map((k) => ({ value: k, text: KIND_LABELS[k], selected: k === selected }))
export const routeItems = [
  { value: '', text: 'Not stated' },
  ...PROCUREMENT_ROUTES.map((r) => ({ value: r as string, text: ROUTE_LABELS[r] })),
]

const TYPE_NAMES: Array<[RegExp, string]> = [
  [/pdf/, 'PDF'],
  [/wordprocessingml|msword|docx?$/, 'Word document'],
  [/html?$/, 'HTML'],
  [/markdown|md$/, 'Markdown'],
  [/text\/plain|txt$/, 'Text'],
]

/** A document's type and size as GOV.UK describes an attachment: "PDF, 47 KB". */
export function documentLabel(fileName: string, mediaType: string, sizeBytes: number): string {
  const type =
    TYPE_NAMES.find(([pattern]) => pattern.test(mediaType.toLowerCase())) ??
    TYPE_NAMES.find(([pattern]) => pattern.test(fileName.toLowerCase()))
  const name = type?.[1] ?? 'File'
  const size =
    sizeBytes < 1024 * 1024
      ? `${Math.max(1, Math.round(sizeBytes / 1024))} KB`
      : `${(Math.round((sizeBytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`
  return `${name}, ${size}`
}

/** The day a rule was learned, as the office's staff would say it (UK time). */
function ukDay(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return formatUkDate(`${part('year')}-${part('month')}-${part('day')}`)
}

/** For each form field a rule learned from an earlier review read, the note the review page shows beside it. */
export function learnedNotes(extraction: LearnedRecord | null): Record<string, string> {
  const notes: Record<string, string> = {}
  for (const [field, key] of [
    ['kind', 'kind'],
    ['reference', 'reference'],
    ['title', 'title'],
    ['decisionDate', 'decision_date'],
    ['statedTotal', 'total_amount'],
  ] as const) {
    const mark = extraction?.learned?.[key]
    if (mark) notes[field] = `Learned from your correction on ${ukDay(mark.on)}: ${mark.rule}.`
  }
  return notes
}
