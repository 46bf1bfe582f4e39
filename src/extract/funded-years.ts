/** The financial years a decision funds, from sentences that name them with money. */
import { lineAt, type Doc } from './document.ts'
import type { PeriodResult } from './period.ts'
import type { Source } from './types.ts'

/** A sentence about what was, not what the decision funds. */
export const PAST =
  /\b(?:collaborated|focus+ed|previously|previous|predecessor|existing\s+contract|current\s+contracts?|contracts?\s+end|ended|expired|was\s+commissioned|were\s+commissioned|has\s+run|ran)\b/i
/** A sentence about what the decision does or will do. */
export const FUTURE =
  /\b(?:will|would|shall|recommend\w*|propos\w*|approv\w*|contribut\w*|new|pilot|request\w*|agree\w*)\b/i

/** "2022-23", "2023/24", "2022-2024": a financial year or a run of them (not an ISO date's "2024-03"). */
const FY_TOKEN = /\b((?:19|20)\d{2})\s?[/-]\s?((?:19|20)\d{2}|\d{2})\b(?!\s?[/-]\s?\d)/g
/** Money in the sentence: the years it names are years the decision funds. */
const FUNDED =
  /£\s?\d|\bgrants?\b|\bfund(?:s|ing|ed)?\b|\ballocat\w*|\bawards?\b|\bawarded\b|\bbudgets?\b|\bcontribut\w*/i
/** A strategy's or plan's years, not the service's: "the 2021-24 Domestic Abuse Strategy", "Strategy 2018-2023". */
const PLAN_AFTER = /^\s*(?:[A-Z][\w'-]*\s+){0,5}(?:Strategy|Strategic|Plan|Action\s+Plan)\b/
const PLAN_BEFORE = /\b(?:Strategy|Strategic\s+Plan|Plan)\s+(?:for\s+)?$/i
/** Money of an earlier year moved on: "the underspend … for 2021-22 is carried forward". */
const CARRIED = /^[^.;]{0,60}\b(?:carried|brought|carry|bring)\s+forward\b/i
const UNDERSPEND = /\b(?:underspend|underspent|surplus|previous|last|earlier)\b[^.;]{0,60}$/i

/** One financial year or a run of them as dates, or null when the digits are no financial year. */
export function financialYearsRange(first: string, second: string): { start: string; end: string } | null {
  const startYear = Number(first)
  const endYear = second.length === 4 ? Number(second) : Math.floor(startYear / 100) * 100 + Number(second)
  if (endYear <= startYear || endYear - startYear > 10) return null
  return { start: `${startYear}-04-01`, end: `${endYear}-03-31` }
}

/**
 * With no service dates printed, the period the funded financial years cover (UK financial years run
 * 1 April – 31 March): "grants to be made in 2022-23" gives 2022-04-01 – 2023-03-31, "£10,000 for
 * 2023-24 and 2024-25" gives 2023-04-01 – 2025-03-31. Only years named with money count; a
 * strategy's years and money carried forward from an earlier year do not.
 */
export function fundedYearsPeriod(
  doc: Doc,
  tableLines: Set<number>,
  onlyLines: Set<number> | null = null,
): PeriodResult | null {
  let best: { start: string; end: string; startSource: Source; endSource: Source } | null = null
  const take = (range: { start: string; end: string }, source: Source): void => {
    if (!best) best = { ...range, startSource: source, endSource: source }
    else {
      if (range.start < best.start) Object.assign(best, { start: range.start, startSource: source })
      if (range.end > best.end) Object.assign(best, { end: range.end, endSource: source })
    }
  }
  for (const sentence of doc.sentences) {
    if (tableLines.has(sentence.parts[0]!.line)) continue
    const text = sentence.text
    if (!FUNDED.test(text) || (PAST.test(text) && !FUTURE.test(text))) continue
    if (onlyLines && !sentence.parts.some((part) => onlyLines.has(part.line))) continue
    FY_TOKEN.lastIndex = 0
    for (let m = FY_TOKEN.exec(text); m; m = FY_TOKEN.exec(text)) {
      const after = text.slice(m.index + m[0].length)
      const before = text.slice(Math.max(0, m.index - 80), m.index)
      if (PLAN_AFTER.test(after) || PLAN_BEFORE.test(before) || CARRIED.test(after) || UNDERSPEND.test(before)) continue
      const range = financialYearsRange(m[1]!, m[2]!)
      if (range)
        take(range, { line: lineAt(sentence, m.index), text: doc.lines[lineAt(sentence, m.index) - 1]!.raw.trim() })
    }
  }
  if (!best) return null
  const found = best as { start: string; end: string; startSource: Source; endSource: Source }
  return {
    start: found.start,
    end: found.end,
    extension: null,
    startSource: found.startSource,
    endSource: found.endSource,
    extensionSource: null,
  }
}
