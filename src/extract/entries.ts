/**
 * Pages that hold several decisions: a council's "Decisions published" list ("10/12/2019 - Title ref: 1175
 * Recommendations Approved", each followed by its details) or a decision log table (a reference column and a
 * title or summary column, one row per decision). The register keeps one record per document, so the entry
 * about victim services is chosen by the words of its whole block, and the rest of the page is set aside.
 */
import { parseUkDate } from '../domain/uk-date.ts'
import { findDates } from './dates.ts'
import type { Doc, Line } from './document.ts'

export interface Entry {
  reference: string | null
  title: string | null
  date: string | null
  /** First and last line (1-based) of the entry's block. */
  first: number
  last: number
  line: Line
}

const LIST_ENTRY = /^(\d{1,2}\/\d{1,2}\/\d{2,4})\s+[-–—]\s+(.+?)\s+ref(?:erence)?\.?:\s*([A-Z0-9][A-Z0-9/.-]*)\b.*$/i
const REF_HEADER = /^(?:(?:decision\s+)?ref(?:erence)?\.?(?:\s+(?:number|no\.?))?|decision\s+(?:number|no\.?))$/i
const REF_CELL = /^(?:\d{4}[/.-]\d{2,4}|[A-Z]{0,6}\d{2,8}(?:[/.-][A-Z0-9]{1,8}){0,3})$/

const TOPIC: Array<[RegExp, number]> = [
  [/\bdomestic\s+(?:abuse|violence)\b/gi, 3],
  [/\bsexual\s+(?:violence|abuse|assault|exploitation)\b/gi, 3],
  [/\b(?:stalking|refuges?|IDVAs?|ISVAs?|VAWG|VAWDASV|rape|coercive)\b/gi, 3],
  [/\bvictims?\b|\bsurvivors?\b|\bsafeguarding\b/gi, 1],
]

export function topicScore(text: string): number {
  let score = 0
  for (const [pattern, weight] of TOPIC) score += (text.match(pattern)?.length ?? 0) * weight
  return score
}

function titleColumn(header: string[]): number {
  const find = (pattern: RegExp): number =>
    header.findIndex((cell) => pattern.test(cell) && !/\b(?:agreed|date|maker|number|ref)/i.test(cell))
  for (const pattern of [/title/i, /summary|subject|description/i, /decision/i]) {
    const index = find(pattern)
    if (index >= 0) return index
  }
  return -1
}

function listEntries(doc: Doc): Entry[] {
  const entries: Entry[] = []
  for (const line of doc.lines) {
    const match = LIST_ENTRY.exec(line.text.replace(/\t/g, '    ').trim())
    if (!match) continue
    entries.push({
      date: parseUkDate(match[1]!),
      title: match[2]!.trim(),
      reference: match[3]!,
      first: line.no,
      last: line.no,
      line,
    })
  }
  return entries
}

function tableEntries(doc: Doc): Entry[] {
  const entries: Entry[] = []
  for (const header of doc.lines) {
    if (header.cells.length < 2) continue
    const refIndex = header.cells.findIndex((cell) => REF_HEADER.test(cell.trim()))
    const titleIndex = titleColumn(header.cells)
    if (refIndex < 0 || titleIndex < 0 || titleIndex === refIndex) continue
    for (let no = header.no + 1; no <= doc.lines.length; no++) {
      const line = doc.lines[no - 1]!
      const cells = line.cells.map((c) => c.trim())
      const ref = cells[refIndex] ?? ''
      if (cells.length > 1 && REF_CELL.test(ref)) {
        const title = cells[titleIndex] ?? ''
        entries.push({ reference: ref, title: title || null, date: null, first: no, last: no, line })
      } else if (line.blank && entries.length && doc.lines[no]?.blank) {
        break
      }
    }
    if (entries.length) break
  }
  return entries
}

const REF_LABEL_LINE =
  /^((?:decision\s+)?ref(?:erence)?\.?(?:\s+(?:number|no\.?))?|decision\s+(?:number|no\.?))\s*[:\t]\s*(?:decision\s+)?([A-Z0-9][A-Z0-9/.-]*)\s*$/i
const DATE_LABEL = /^(?:date(?:\s+of\s+decision)?|decision\s+date|date\s+(?:agreed|approved|signed))\s*[:\t]\s*(.+)$/i

/**
 * A page of decisions each under the same label ("Decision Ref: 2021-21", then its title, summary and "Date of
 * Decision:"). Two or more such labels, spelt alike, with different references make a list; one is a notice.
 */
function labelEntries(doc: Doc): Entry[] {
  const found: Array<{ line: Line; label: string; reference: string }> = []
  for (const line of doc.lines) {
    const match = REF_LABEL_LINE.exec(line.text.replace(/\t+/g, '\t').trim())
    if (match) found.push({ line, label: match[1]!.toLowerCase().replace(/\s+/g, ' '), reference: match[2]! })
  }
  if (found.length < 2 || new Set(found.map((f) => f.label)).size > 1) return []
  if (new Set(found.map((f) => f.reference)).size < found.length) return []
  return found.map((hit, i) => {
    const last = (found[i + 1]?.line.no ?? doc.lines.length + 1) - 1
    let title: string | null = null
    let date: string | null = null
    for (let no = hit.line.no + 1; no <= last; no++) {
      const line = doc.lines[no - 1]!
      if (line.blank) continue
      const dated = DATE_LABEL.exec(line.text.replace(/\t/g, ' '))
      if (dated) date ??= findDates(dated[1]!)[0]?.date ?? null
      else if (title === null && !/:/.test(line.text) && line.text.length <= 160) title = line.text.trim()
    }
    return { reference: hit.reference, title, date, first: hit.line.no, last, line: hit.line }
  })
}

/** The entries of a multi-decision page, each with its block of lines; empty for an ordinary document. */
export function findEntries(doc: Doc): Entry[] {
  const list = listEntries(doc)
  const labelled = list.length ? [] : labelEntries(doc)
  const entries = list.length ? list : labelled.length ? labelled : tableEntries(doc)
  for (let i = 0; i < entries.length; i++) entries[i]!.last = (entries[i + 1]?.first ?? doc.lines.length + 1) - 1
  return entries
}

/** The entry about victim services (most topic words in its block); the first when none mentions them. */
export function chooseEntry(doc: Doc, entries: Entry[]): Entry | null {
  let best: Entry | null = null
  let bestScore = -1
  for (const entry of entries) {
    const block = doc.lines
      .slice(entry.first - 1, entry.last)
      .map((l) => l.text)
      .join('\n')
    const score = topicScore(block) + topicScore(entry.title ?? '')
    if (score > bestScore) {
      best = entry
      bestScore = score
    }
  }
  return best
}

/** The text with every other entry's lines blanked, so that line numbers still point into the original. */
export function focusText(text: string, entries: Entry[], chosen: Entry): string {
  const lines = text.split('\n')
  const start = entries[0]!.first
  // The list's own heading ("Decisions July 2021 to September 2021") dates the list, not the chosen decision.
  const listHeading = (line: string): boolean => /\bdecisions\b/i.test(line) && line.length <= 100
  return lines
    .map((line, i) =>
      (i + 1 >= start && (i + 1 < chosen.first || i + 1 > chosen.last)) || (i + 1 < start && listHeading(line))
        ? ''
        : line,
    )
    .join('\n')
}
