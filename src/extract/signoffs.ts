/** Dates in the document and whose they are: received, report, and each sign-off in the signature blocks. */
import type { Doc, Line } from './document.ts'
import { findDates } from './dates.ts'
import type { LabelHit } from './labels.ts'
import type { DocumentKind } from './types.ts'

export type SignoffRole = 'decision_maker' | 'officer' | 'finance' | 'author' | 'unknown'

export interface DatedLine {
  date: string
  line: Line
}

export interface Signoff extends DatedLine {
  role: SignoffRole
}

export interface DateFacts {
  received: DatedLine | null
  report: DatedLine | null
  signoffs: Signoff[]
  decision: DatedLine | null
}

const ROLES: Array<[SignoffRole, RegExp]> = [
  ['author', /^(?:report\s+(?:of|by)|author|prepared\s+by|contact)\b/i],
  ['finance', /financ|treasurer|\bs\.?\s?151\b|\bcfo\b/i],
  ['officer', /chief\s+executive|monitoring\s+officer|\bm\.o\b|officer\s+approval|\bhead\s+of\b|chief\s+of\s+staff/i],
  [
    'decision_maker',
    /has\s+my\s+approval|i\s+hereby\s+(?:approve|agree)|\bi\s+(?:agree|approve)\b|final\s+sign[- ]?off|declaration|decision\s+maker|\b(?:deputy\s+)?o?pf?cc\b|crime\s+commissioner|\bcommissioner\b|\bmayor\b|\bchair\b|approved\s+by/i,
  ],
]

function roleOf(text: string): SignoffRole | null {
  for (const [role, pattern] of ROLES) if (pattern.test(text)) return role
  return null
}

function roleBefore(doc: Doc, lineNo: number, stopAt: number): SignoffRole {
  for (let no = lineNo - 1; no >= 1 && no > stopAt && lineNo - no <= 25; no--) {
    const line = doc.lines[no - 1]!
    if (line.blank || line.boilerplate) continue
    const role = roleOf(line.text.replace(/\t/g, ' '))
    if (role) return role
  }
  return 'unknown'
}

function firstDate(text: string): string | null {
  return findDates(text)[0]?.date ?? null
}

export function readDates(doc: Doc, labels: LabelHit[], kind: DocumentKind): DateFacts {
  const facts: DateFacts = { received: null, report: null, signoffs: [], decision: null }
  let explicit: DatedLine | null = null
  let previousSignoff = 0
  for (const hit of labels) {
    const date = firstDate(hit.value)
    if (!date) continue
    const dated = { date, line: hit.line }
    if (hit.field === 'date_received') facts.received ??= dated
    else if (hit.field === 'report_date') facts.report ??= dated
    else if (hit.field === 'decision_date') explicit ??= dated
    else if (hit.field === 'date') {
      const role = roleOf(hit.label) ?? roleBefore(doc, hit.line.no, previousSignoff)
      facts.signoffs.push({ ...dated, role })
      previousSignoff = hit.line.no
    }
  }
  if (kind === 'foi_response') {
    facts.received ??= receivedInProse(doc)
    facts.decision = explicit ?? letterDate(doc) ?? latest(facts.signoffs)
    return facts
  }
  const decisionMaker = facts.signoffs.filter((s) => s.role === 'decision_maker')
  facts.decision = explicit ?? latest(decisionMaker) ?? latest(facts.signoffs.filter((s) => s.role === 'unknown'))
  return facts
}

function latest(dated: DatedLine[]): DatedLine | null {
  let best: DatedLine | null = null
  for (const entry of dated) if (!best || entry.date > best.date) best = entry
  return best
}

function letterDate(doc: Doc): DatedLine | null {
  for (const line of doc.lines.slice(0, 30)) {
    if (line.blank) continue
    const hits = findDates(line.text)
    if (hits.length === 1 && line.text.replace(/^date\s*:?\s*/i, '').length - (hits[0]!.end - hits[0]!.start) <= 3)
      return { date: hits[0]!.date, line }
  }
  return null
}

function receivedInProse(doc: Doc): DatedLine | null {
  for (const sentence of doc.sentences) {
    if (!/\breceived\b/i.test(sentence.text)) continue
    const hit = findDates(sentence.text)[0]
    if (hit) return { date: hit.date, line: doc.lines[sentence.parts[0]!.line - 1]! }
  }
  return null
}
