/** The service period: start, end and extension option, from the sentences that describe the new service. */
import { addDays } from '../domain/uk-date.ts'
import { findMonths, type MonthHit } from './dates.ts'
import { lineAt, type Doc } from './document.ts'
import type { LabelHit } from './labels.ts'
import { parsePeriodLabel } from './period-label.ts'
import type { ServicePeriod, Source } from './types.ts'

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

const PAST = /\b(?:collaborated|focus+ed|previously|previous|predecessor|existing\s+contract|current\s+contracts?|contracts?\s+end|ended|expired|was\s+commissioned|were\s+commissioned|has\s+run|ran)\b/i
const FUTURE = /\b(?:will|would|shall|recommend\w*|propos\w*|approv\w*|contribut\w*|new|pilot|request\w*|agree\w*)\b/i
const BETWEEN = /^\s*(?:-|–|—|to|until|till|through|and|up\s+to)\s*(?:the\s+end\s+of\s+)?$/i
const START_BEFORE = /(?:\b(?:in\s+place\s+since|from|between|starting|start|starts|started|commencing|commence|commences|commenced|begin|begins|beginning|began|launched|live\s+on|live\s+from|effective)\s+(?:on\s+|in\s+|from\s+)?(?:the\s+)?)$/i
const END_BEFORE = /(?:\b(?:until|till|to|ending|end|ends|expire|expires|expiring|run\s+(?:until|to)|through)\s+(?:on\s+|in\s+)?(?:the\s+end\s+of\s+)?)$/i
const YEARS_FROM = /\b(?:for\s+(?:a|one|1|two|2|three|3|four|4|five|5)\s+years?|(?:one|1|two|2|three|3|four|4|five|5|twelve|12)[\s-](?:year|month)s?\s+(?:\w+\s+){0,3})\s*(?:\w+\s+){0,6}?(?:from|starting|commencing|beginning)\s+(?:on\s+)?$/i
const NUMBERS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, twelve: 12 }
const EXTENSION = /\b(?:(?:the\s+|an\s+)?option(?:al)?\s+(?:to\s+extend|of\s+(?:an?\s+)?(?:further\s+)?extension|for\s+(?:an?\s+)?(?:further\s+)?extension)|extendable|may\s+be\s+extended|possible\s+extension|with\s+an?\s+extension|plus\s+(?:an?\s+)?(?:optional\s+)?extension)[^.;,]{0,80}|\b\d\s?\+\s?\d(?:\s?\+\s?\d){0,3}\s?(?:years?|yrs)\b/i

/** Present contracts or grants that end: the period of what exists, not of what the document starts. */
const CURRENT_ENDS = /\b(?:present|current|existing)\b[^.]{0,80}\b(?:contracts?|grants?|funding|arrangements?|services?)\s+(?:end|ends|expire|expires|will\s+end|come\s+to\s+an\s+end|comes\s+to\s+an\s+end)\b/i
function addYears(iso: string, years: number): string {
  return addDays(`${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`, -1)
}

function addMonths(iso: string, months: number): string {
  const year = Number(iso.slice(0, 4))
  const month = Number(iso.slice(5, 7)) - 1 + months
  const target = `${year + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}${iso.slice(7)}`
  return addDays(target, -1)
}

export function findServicePeriod(doc: Doc, labels: LabelHit[], tableLines: Set<number>): PeriodResult {
  const candidates: Candidate[] = []
  let order = 0
  const src = (line: number): Source => ({ line, text: doc.lines[line - 1]!.raw.trim() })
  for (const label of labels) {
    if (label.field === 'period') {
      const range = parsePeriodLabel(label.value) ?? rangeIn(label.value)
      if (range) candidates.push({ ...range, weight: 6, order: order++, source: src(label.line.no) })
    } else if (label.field === 'start' || label.field === 'end') {
      const month = findMonths(label.value)[0]
      if (month) candidates.push({ start: label.field === 'start' ? month.first : null, end: label.field === 'end' ? month.last : null, weight: 6, order: order++, source: src(label.line.no) })
    }
  }
  for (const sentence of doc.sentences) {
    if (tableLines.has(sentence.parts[0]!.line)) continue
    const text = sentence.text
    if (CURRENT_ENDS.test(text)) continue
    const months = findMonths(text)
    if (!months.length) continue
    if (PAST.test(text) && !FUTURE.test(text)) continue
    const weight = (FUTURE.test(text) ? 2 : 1) - (PAST.test(text) ? 1 : 0)
    for (let k = 0; k < months.length; k++) {
      const hit = months[k]!
      const next = months[k + 1]
      const before = text.slice(Math.max(0, hit.start - 80), hit.start)
      const line = lineAt(sentence, hit.start)
      const exact = hit.exact ? 1 : 0
      if (next && BETWEEN.test(text.slice(hit.end, next.start)) && /\bextended\s+from\s+$/i.test(before)) {
        candidates.push({ start: null, end: next.last, weight: weight + exact, order: order++, source: src(line) })
        k++
        continue
      }
      if (next && BETWEEN.test(text.slice(hit.end, next.start))) {
        candidates.push({ start: hit.first, end: next.last, weight: weight + exact, order: order++, source: src(line) })
        k++
        continue
      }
      const years = YEARS_FROM.exec(before)
      if (years) {
        const count = /(\w+)[\s-](?:year|month)/i.exec(years[0]) ?? /for\s+(\w+)\s+years?/i.exec(years[0])
        const n = NUMBERS[count?.[1]?.toLowerCase() ?? ''] ?? Number(count?.[1])
        if (n) {
          const end = /month/i.test(years[0]) ? addMonths(hit.first, n) : addYears(hit.first, n)
          candidates.push({ start: hit.first, end, weight: weight + exact + 1, order: order++, source: src(line) })
          continue
        }
      }
      const end = endAfter(text, hit, months[k + 1])
      if (START_BEFORE.test(before) && end) {
        candidates.push({ start: hit.first, end: end.last, weight: weight + exact, order: order++, source: src(line) })
        k = months.indexOf(end)
        continue
      }
      if (START_BEFORE.test(before)) candidates.push({ start: hit.first, end: null, weight, order: order++, source: src(line) })
      else if (END_BEFORE.test(before)) candidates.push({ start: null, end: hit.last, weight, order: order++, source: src(line) })
    }
  }
  const result: PeriodResult = { start: null, end: null, extension: null, startSource: null, endSource: null, extensionSource: null }
  const best = pick(candidates.filter((c) => c.start && c.end))
  if (best) {
    Object.assign(result, { start: best.start, end: best.end, startSource: best.source, endSource: best.source })
  } else {
    const start = pick(candidates.filter((c) => c.start))
    const end = pick(candidates.filter((c) => c.end && (!start || c.end > start.start!)))
    if (start) Object.assign(result, { start: start.start, startSource: start.source })
    if (end) Object.assign(result, { end: end.end, endSource: end.source })
  }
  const extension = findExtension(doc, labels)
  if (extension) Object.assign(result, { extension: extension.text, extensionSource: extension.source })
  return result
}

function endAfter(text: string, start: MonthHit, next: MonthHit | undefined): MonthHit | null {
  if (!next) return null
  const between = text.slice(start.end, next.start)
  if (between.length > 80) return null
  return /\b(?:until|till|to|ending|end|ends|expire|expires)\s+(?:on\s+)?(?:the\s+end\s+of\s+)?$/i.test(between) ? next : null
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
  for (const entry of tally.values()) if (!best || entry.weight > best.weight || (entry.weight === best.weight && entry.first.order < best.first.order)) best = entry
  return best?.first ?? null
}

function findExtension(doc: Doc, labels: LabelHit[]): { text: string; source: Source } | null {
  for (const label of labels) {
    if (label.field === 'extension' && label.value && !/^(?:none|n\/a|no)$/i.test(label.value)) return { text: label.value.replace(/\t/g, ' '), source: { line: label.line.no, text: label.line.raw.trim() } }
  }
  for (const sentence of doc.sentences) {
    const m = EXTENSION.exec(sentence.text)
    if (!m) continue
    const text = m[0].replace(/^(?:the|an)\s+/i, '').replace(/\s+(?:subject|which|and\s+(?:a|the)|with)\b.*$/i, '').trim()
    const line = lineAt(sentence, m.index)
    return { text, source: { line, text: doc.lines[line - 1]!.raw.trim() } }
  }
  return null
}
