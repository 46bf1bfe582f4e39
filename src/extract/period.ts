/** The service period: start, end and extension option, from the sentences that describe the new service. */
import { addDays, parseUkDate } from '../domain/uk-date.ts'
import { findMonths, type MonthHit } from './dates.ts'
import { lineAt, type Doc } from './document.ts'
import type { LabelHit } from './labels.ts'
import { parsePeriodLabel } from './period-label.ts'
import type { ServicePeriod, Source } from './types.ts'
import { FUTURE, PAST, fundedYearsPeriod } from './funded-years.ts'

export interface PeriodResult extends ServicePeriod {
  startSource: Source | null
  endSource: Source | null
  extensionSource: Source | null
}

interface Candidate {
  start: string | null
  end: string | null
  weight: number
  order: number
  source: Source
}

const BETWEEN = /^\s*(?:-|–|—|to|until|till|through|and|up\s+to)\s*(?:the\s+end\s+of\s+)?$/i
const START_BEFORE =
  /(?:\b(?:in\s+place\s+since|from|between|starting|start|starts|started|commencing|commence|commences|commenced|begin|begins|beginning|began|launched|live\s+on|live\s+from|effective)\s+(?:on\s+|in\s+|from\s+)?(?:the\s+)?)$/i
const END_BEFORE =
  /(?:\b(?:until|till|to|ending|end|ends|expire|expires|expiring|run\s+(?:until|to)|through)\s+(?:on\s+|in\s+)?(?:the\s+end\s+of\s+)?)$/i
const YEARS_FROM =
  /\b(?:for\s+(?:a|one|1|two|2|three|3|four|4|five|5)\s+years?|(?:one|1|two|2|three|3|four|4|five|5|twelve|12)[\s-](?:year|month)s?\s+(?:\w+\s+){0,3})\s*(?:\w+\s+){0,6}?(?:from|starting|commencing|beginning)\s+(?:on\s+)?$/i
const NUMBERS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, twelve: 12 }
const EXTENSION =
  /\b(?:(?:the\s+|an\s+)?option(?:al)?\s+(?:to\s+extend|of\s+(?:an?\s+)?(?:further\s+)?extension|for\s+(?:an?\s+)?(?:further\s+)?extension)|extendable|may\s+be\s+extended|possible\s+extension|with\s+an?\s+extension|plus\s+(?:an?\s+)?(?:optional\s+)?extension)[^.;,]{0,80}|\b\d\s?\+\s?\d(?:\s?\+\s?\d){0,3}\s?(?:years?|yrs)\b/i

/** When a law or duty began, not the service: "From April 2021 there had been a new statutory duty …". */
const LAW_SINCE =
  /^\s*,?\s*(?:there\s+(?:had|has)\s+been|(?:a|the)\s+(?:new\s+)?(?:statutory\s+)?duty\b|[^.]{0,40}\b(?:came|comes|come)\s+into\s+force\b)/i
/** Present contracts or grants that end: the period of what exists, not of what the document starts. */
const CURRENT_ENDS =
  /\b(?:present|current|existing)\b[^.]{0,80}\b(?:contracts?|grants?|funding|arrangements?|services?)\s+(?:end|ends|expire|expires|will\s+end|come\s+to\s+an\s+end|comes\s+to\s+an\s+end)\b/i
function addYears(iso: string, years: number): string {
  return addDays(`${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`, -1)
}

function addMonths(iso: string, months: number): string {
  const year = Number(iso.slice(0, 4))
  const month = Number(iso.slice(5, 7)) - 1 + months
  const target = `${year + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}${iso.slice(7)}`
  return addDays(target, -1)
}

/**
 * `awardLines`: for an FOI response, the lines of the awards it reports; money an answer reports
 * otherwise is past spending, so only the awards' own financial years give a period.
 */
export function findServicePeriod(
  doc: Doc,
  labels: LabelHit[],
  tableLines: Set<number>,
  awardLines: Set<number> | null = null,
): PeriodResult {
  const src = (line: number): Source => ({ line, text: doc.lines[line - 1]!.raw.trim() })
  const found = periodsFromLabels(labels, src)
  for (const sentence of doc.sentences) {
    if (tableLines.has(sentence.parts[0]!.line)) continue
    found.push(...periodsFromSentence(sentence, src))
  }
  // Earlier candidates win a tie: each keeps the order it was found in.
  const result = chooseRange(found.map((candidate, order) => ({ ...candidate, order })))
  if (!result.start && !result.end) {
    const funded = fundedYearsPeriod(doc, tableLines, awardLines)
    if (funded)
      Object.assign(result, {
        start: funded.start,
        end: funded.end,
        startSource: funded.startSource,
        endSource: funded.endSource,
      })
  }
  const extension = findExtension(doc, labels)
  if (extension) Object.assign(result, { extension: extension.text, extensionSource: extension.source })
  return result
}

type Found = Omit<Candidate, 'order'>
type Sentence = Doc['sentences'][number]

/** Periods given against Period, Start and End labels. */
function periodsFromLabels(labels: LabelHit[], src: (line: number) => Source): Found[] {
  const found: Found[] = []
  for (const label of labels) {
    if (label.field === 'period') {
      const range = parsePeriodLabel(label.value) ?? rangeIn(label.value)
      if (range) found.push({ ...range, weight: 6, source: src(label.line.no) })
    } else if (label.field === 'start' || label.field === 'end') {
      const month = findMonths(label.value)[0]
      if (month)
        found.push({
          start: label.field === 'start' ? month.first : null,
          end: label.field === 'end' ? month.last : null,
          weight: 6,
          source: src(label.line.no),
        })
    }
  }
  return found
}

/** Periods one sentence of prose gives, weighted up when it looks ahead and down when it looks back. */
function periodsFromSentence(sentence: Sentence, src: (line: number) => Source): Found[] {
  const text = sentence.text
  if (CURRENT_ENDS.test(text)) return []
  const months = withYearlessStarts(text, findMonths(text))
  if (!months.length) return []
  if (PAST.test(text) && !FUTURE.test(text)) return []
  const weight = (FUTURE.test(text) ? 2 : 1) - (PAST.test(text) ? 1 : 0)
  const found: Found[] = []
  for (let k = 0; k < months.length;) {
    const read = periodAtMonth(text, months, k, weight)
    if (read.period) found.push({ ...read.period, source: src(lineAt(sentence, months[k]!.start)) })
    k = read.next
  }
  return found
}

/**
 * The period the k-th month of a sentence starts or ends ("from April 2022 to March 2025", "for three years
 * from 1 April 2023", "until 31 March 2024"), and the index of the next month left to read.
 */
function periodAtMonth(
  text: string,
  months: MonthHit[],
  k: number,
  weight: number,
): { period: Omit<Found, 'source'> | null; next: number } {
  const hit = months[k]!
  const next = months[k + 1]
  const before = text.slice(Math.max(0, hit.start - 80), hit.start)
  if (LAW_SINCE.test(text.slice(hit.end, hit.end + 60))) return { period: null, next: k + 1 }
  const exact = hit.exact ? 1 : 0
  if (next && BETWEEN.test(text.slice(hit.end, next.start)) && /\bextended\s+from\s+$/i.test(before))
    return { period: { start: null, end: next.last, weight: weight + exact }, next: k + 2 }
  if (next && BETWEEN.test(text.slice(hit.end, next.start)))
    return { period: { start: hit.first, end: next.last, weight: weight + exact }, next: k + 2 }
  const years = YEARS_FROM.exec(before)
  if (years) {
    const count = /(\w+)[\s-](?:year|month)/i.exec(years[0]) ?? /for\s+(\w+)\s+years?/i.exec(years[0])
    const n = NUMBERS[count?.[1]?.toLowerCase() ?? ''] ?? Number(count?.[1])
    if (n) {
      const end = /month/i.test(years[0]) ? addMonths(hit.first, n) : addYears(hit.first, n)
      return { period: { start: hit.first, end, weight: weight + exact + 1 }, next: k + 1 }
    }
  }
  const end = endAfter(text, hit, months[k + 1])
  if (START_BEFORE.test(before) && end)
    return { period: { start: hit.first, end: end.last, weight: weight + exact }, next: months.indexOf(end) + 1 }
  if (START_BEFORE.test(before)) return { period: { start: hit.first, end: null, weight }, next: k + 1 }
  if (END_BEFORE.test(before)) return { period: { start: null, end: hit.last, weight }, next: k + 1 }
  return { period: null, next: k + 1 }
}

/** The best-weighted whole range, else the best start and the best end after it. */
function chooseRange(candidates: Candidate[]): PeriodResult {
  const result: PeriodResult = {
    start: null,
    end: null,
    extension: null,
    startSource: null,
    endSource: null,
    extensionSource: null,
  }
  const best = pick(candidates.filter((c) => c.start && c.end))
  if (best) {
    Object.assign(result, { start: best.start, end: best.end, startSource: best.source, endSource: best.source })
  } else {
    const start = pick(candidates.filter((c) => c.start))
    const end = pick(candidates.filter((c) => c.end && (!start || c.end > start.start!)))
    if (start) Object.assign(result, { start: start.start, startSource: start.source })
    if (end) Object.assign(result, { end: end.end, endSource: end.source })
  }
  return result
}

const YEARLESS =
  /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b(?!\.?,?\s*\d)/gi

/**
 * "from 24 March to 31 October 2020": a day and month printed without a year, right before a full
 * date that ends the same span, take that date's year (the year before when the month comes later).
 */
export function withYearlessStarts(text: string, months: MonthHit[]): MonthHit[] {
  const extra: MonthHit[] = []
  YEARLESS.lastIndex = 0
  for (let m = YEARLESS.exec(text); m; m = YEARLESS.exec(text)) {
    const end = m.index + m[0].length
    if (months.some((hit) => m!.index < hit.end && end > hit.start)) continue
    const next = months.find((hit) => hit.start >= end)
    if (!next || !BETWEEN.test(text.slice(end, next.start))) continue
    const year = Number(next.first.slice(0, 4))
    const date = parseUkDate(`${m[1]} ${m[2]} ${year}`)
    if (!date) continue
    const first = date > next.first ? parseUkDate(`${m[1]} ${m[2]} ${year - 1}`) : date
    if (first) extra.push({ start: m.index, end, first, last: first, exact: true })
  }
  return extra.length ? [...months, ...extra].sort((a, b) => a.start - b.start) : months
}

function endAfter(text: string, start: MonthHit, next: MonthHit | undefined): MonthHit | null {
  if (!next) return null
  const between = text.slice(start.end, next.start)
  if (between.length > 80) return null
  return /\b(?:until|till|to|ending|end|ends|expire|expires)\s+(?:on\s+)?(?:the\s+end\s+of\s+)?$/i.test(between)
    ? next
    : null
}

function rangeIn(text: string): { start: string; end: string } | null {
  const months = findMonths(text)
  return months.length >= 2 ? { start: months[0]!.first, end: months.at(-1)!.last } : null
}

function pick(candidates: Candidate[]): Candidate | null {
  const tally = new Map<string, { weight: number; first: Candidate }>()
  for (const c of candidates) {
    if (c.weight <= 0) continue
    const key = `${c.start}|${c.end}`
    const entry = tally.get(key)
    if (entry) entry.weight += c.weight
    else tally.set(key, { weight: c.weight, first: c })
  }
  let best: { weight: number; first: Candidate } | null = null
  for (const entry of tally.values())
    if (!best || entry.weight > best.weight || (entry.weight === best.weight && entry.first.order < best.first.order))
      best = entry
  return best?.first ?? null
}

function findExtension(doc: Doc, labels: LabelHit[]): { text: string; source: Source } | null {
  for (const label of labels) {
    if (label.field === 'extension' && label.value && !/^(?:none|n\/a|no)$/i.test(label.value))
      return { text: label.value.replace(/\t/g, ' '), source: { line: label.line.no, text: label.line.raw.trim() } }
  }
  for (const sentence of doc.sentences) {
    const m = EXTENSION.exec(sentence.text)
    if (!m) continue
    const text = m[0]
      .replace(/^(?:the|an)\s+/i, '')
      .replace(/\s+(?:subject|which|and\s+(?:a|the)|with)\b.*$/i, '')
      .trim()
    const line = lineAt(sentence, m.index)
    return { text, source: { line, text: doc.lines[line - 1]!.raw.trim() } }
  }
  return null
}
