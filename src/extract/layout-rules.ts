/**
 * Rules learned from reviewers, by layout. An office's documents of one layout print the same labels year
 * after year; when a reviewer corrects a value the generic extractor misread, the place the right value came
 * from becomes a rule for that layout: the label on its line ("Sealed on  12 March 2024"), the label on the
 * line before it (a heading "Matter determined" over the title), its position among the document's lines, or
 * (for the kind of document) the kind itself. A rule holds label words or a position, never the value.
 *
 * A layout is known by its fingerprint: a hash of the stable label lines of the document's head (the labels
 * of its first 80 lines' "Label: value" lines whose value is not money, and its first line), which do not
 * change from one document of the layout to the next. Rules look through the first 2,000 lines.
 */
import { createHash } from 'node:crypto'
import { DECISION_KINDS, type DecisionKind } from '../domain/decision.ts'
import { findAmounts } from './amounts.ts'
import { findDates } from './dates.ts'

/** The scalar fields a reviewer can correct and a rule can read. */
export const LEARNED_FIELDS = ['kind', 'reference', 'title', 'decision_date', 'total_amount'] as const
export type LearnedField = (typeof LEARNED_FIELDS)[number]

export type LayoutRule =
  /** The value follows this label on its line ("Register entry<TAB>WBC/PH/24/031"). */
  | { anchor: 'label'; label: string }
  /** The value is the next non-empty line after a line reading this label ("Matter determined"). */
  | { anchor: 'after'; label: string }
  /** The value is the n-th non-empty line (0-based): "the first heading-like line". */
  | { anchor: 'line'; index: number }
  /** Every document of the layout is this kind. */
  | { anchor: 'kind'; kind: DecisionKind }

/** A field's value as the register holds it: text, an ISO date, pence, or a kind. */
export type LearnedValue = string | number

export interface RuleReading {
  value: LearnedValue
  /** The 1-based line the value was read from (0 for a kind, which has no line). */
  line: number
  text: string
}

const SEPARATOR = /^(.*?)(?::\s*|\t+|\s{2,})(.*)$/
/** The lines a fingerprint is made of: a layout's labels are at its head. */
const FINGERPRINT_LINES = 80
/** The lines a rule looks through, so that a very long document costs no more than a long one. */
const RULE_LINES = 2000

const linesOf = (text: string, most: number) => {
  let end = -1
  for (let n = 0; n < most; n++) {
    end = text.indexOf('\n', end + 1)
    if (end < 0) return text.split('\n')
  }
  return text.slice(0, end).split('\n')
}

/** Lower case letters and digits, single-spaced: how labels are compared. */
export function labelKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const words = (key: string) => (key ? key.split(' ').length : 0)

/** "Label: value" split at its first colon, TAB or wide gap; null for a line with no label of up to 8 words. */
function labelled(line: string): { label: string; value: string } | null {
  const m = SEPARATOR.exec(line.trim())
  if (!m) return null
  const label = labelKey(m[1]!)
  if (words(label) < 1 || words(label) > 8 || /\d/.test(label)) return null
  return { label, value: m[2]!.trim() }
}

/** The hash of a document's stable label lines: what documents of one layout share. */
export function layoutFingerprint(text: string): string {
  const lines = linesOf(text, FINGERPRINT_LINES)
  const first = lines.find((l) => l.trim())
  const stable = new Set<string>()
  if (first && !/\d/.test(first)) stable.add(`# ${labelKey(first)}`)
  for (const line of lines) {
    const l = labelled(line)
    if (!l || !l.value || words(l.label) > 4 || findAmounts(l.value).length) continue
    stable.add(l.label)
  }
  return createHash('sha256')
    .update([...stable].sort().join('\n'))
    .digest('hex')
    .slice(0, 16)
}

/** Where a value of the field starts on a line, or -1. */
function findOnLine(line: string, field: LearnedField, value: LearnedValue): { start: number; end: number } | null {
  if (field === 'decision_date') {
    const hit = findDates(line).find((d) => d.date === value)
    return hit ? { start: hit.start, end: hit.end } : null
  }
  if (field === 'total_amount') {
    const hit = findAmounts(line).find((a) => a.reading.pence === value)
    return hit ? { start: hit.start, end: hit.end } : null
  }
  const wanted = String(value).replace(/\s+/g, ' ').trim().toLowerCase()
  if (!wanted) return null
  const start = line.replace(/\s/g, ' ').toLowerCase().indexOf(wanted)
  return start < 0 ? null : { start, end: start + wanted.length }
}

/** Words a label of each field tends to have: among several labelled lines holding the value, one with them is preferred. */
const FIELD_WORDS: Partial<Record<LearnedField, RegExp>> = {
  reference: /\b(?:ref|reference|number|no|entry|id|register|code)\b/,
  decision_date: /\b(?:date|dated|on|signed|sealed|agreed|approved|made|taken|decided)\b/,
  total_amount: /\b(?:total|sum|amount|value|cost|commitment|budget|overall|aggregate|altogether)\b/,
  title: /\b(?:title|subject|matter|topic|heading|re)\b/,
}

/** Words of labels, not of people's names. */
const LABEL_WORDS =
  /\b(?:ref|reference|number|no|entry|id|register|code|date|dated|on|signed|sealed|agreed|approved|made|taken|decided|total|sum|amount|value|cost|commitment|budget|overall|title|subject|matter|topic|heading|re|decision|record|notice|report|details|summary|action|key|type|kind|officer|portfolio|of|the|for|and|to|by)\b/

/**
 * Whether a label could be a person's name ("Jane Smith", "Mrs Okafor"): two to four capitalised words with no
 * word of a label. Such a line is never kept as a rule's label, so that no rule holds a name; the value is then
 * learned by its position instead.
 */
export function mayBeAName(raw: string): boolean {
  const text = raw.replace(/[:\t]+/g, ' ').trim()
  return /^(?:[A-Z][\p{L}'’.-]*\s+){1,3}[A-Z][\p{L}'’-]*$/u.test(text) && !LABEL_WORDS.test(labelKey(text))
}

/**
 * The rule that reads the corrected value from this document, or null when the value is nowhere in it.
 * A label on the value's line is preferred (a label with the field's usual words, then one with a colon, and
 * for a total the last such line, since a table's rows come before its total), then a label on the line
 * before, then the line's position.
 */
export function learnRule(text: string, field: LearnedField, value: LearnedValue): LayoutRule | null {
  if (field === 'kind')
    return (DECISION_KINDS as readonly string[]).includes(String(value))
      ? { anchor: 'kind', kind: value as DecisionKind }
      : null
  const lines = linesOf(text, RULE_LINES)
  const labels: Array<{ rule: LayoutRule; score: number }> = []
  let after: LayoutRule | null = null
  let byPosition: LayoutRule | null = null
  let ordinal = -1
  let previous = ''
  for (const line of lines) {
    if (!line.trim()) continue
    ordinal++
    const hit = findOnLine(line, field, value)
    if (hit) {
      const before = line.slice(0, hit.start)
      const l = labelled(line)
      if (l && before.trim() && labelKey(before) === l.label && !mayBeAName(before)) {
        const score = (FIELD_WORDS[field]?.test(l.label) ? 4 : 0) + (before.includes(':') ? 2 : 0)
        labels.push({ rule: { anchor: 'label', label: l.label }, score })
      }
      const rest = labelKey(line.slice(0, hit.start) + line.slice(hit.end))
      const prev = labelKey(previous)
      if (!rest && !after && prev && words(prev) <= 8 && !/\d/.test(prev) && !mayBeAName(previous))
        after = { anchor: 'after', label: prev }
      if (!rest && !byPosition && ordinal < 20) byPosition = { anchor: 'line', index: ordinal }
    }
    previous = line
  }
  if (labels.length) {
    const best = Math.max(...labels.map((l) => l.score))
    const top = labels.filter((l) => l.score === best)
    return (field === 'total_amount' ? top[top.length - 1]! : top[0]!).rule
  }
  return after ?? byPosition
}

/** Reads a field's value from a piece of text as the register holds it, or null. */
function readValue(field: LearnedField, raw: string): LearnedValue | null {
  const text = raw.replace(/\s+/g, ' ').trim()
  if (!text) return null
  if (field === 'decision_date') return findDates(text)[0]?.date ?? null
  if (field === 'total_amount') return findAmounts(text)[0]?.reading.pence ?? null
  if (field === 'reference') return text.replace(/[.,;:]+$/, '')
  return text
}

/** What a rule reads from a document, or null when the document does not have what the rule looks for. */
export function applyRule(text: string, field: LearnedField, rule: LayoutRule): RuleReading | null {
  if (rule.anchor === 'kind') return field === 'kind' ? { value: rule.kind, line: 0, text: '' } : null
  if (field === 'kind') return null
  const lines = linesOf(text, RULE_LINES)
  let ordinal = -1
  let after = false
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue
    ordinal++
    let raw: string | null = null
    if (rule.anchor === 'label') {
      const l = labelled(line)
      if (l?.label === rule.label) raw = l.value
    } else if (rule.anchor === 'after') {
      if (after) raw = line
      after = labelKey(line) === rule.label
    } else if (ordinal === rule.index) raw = line
    const value = raw === null ? null : readValue(field, raw)
    if (value !== null) return { value, line: i + 1, text: line }
    if (rule.anchor === 'line' && ordinal >= rule.index) return null
  }
  return null
}

/** Whether a stored rule has one of the shapes above (rules are kept as JSON). */
export function isLayoutRule(rule: unknown): rule is LayoutRule {
  const r = rule as Record<string, unknown> | null
  if (!r || typeof r !== 'object') return false
  if (r.anchor === 'label' || r.anchor === 'after') return typeof r.label === 'string' && r.label.length > 0
  if (r.anchor === 'line') return Number.isInteger(r.index) && (r.index as number) >= 0
  if (r.anchor === 'kind') return (DECISION_KINDS as readonly unknown[]).includes(r.kind)
  return false
}

/** How a rule reads, for the review page and the audit log. */
export function describeRule(rule: LayoutRule): string {
  switch (rule.anchor) {
    case 'label':
      return `the value after “${rule.label}”`
    case 'after':
      return `the line after “${rule.label}”`
    case 'line':
      return `line ${rule.index + 1} of the text`
    case 'kind':
      return `every document of this layout is a ${rule.kind.replace('_', ' ')}`
  }
}
