/**
 * The extracted text as lines (cleaned of markup, split into tab cells), paragraphs (wrapped lines
 * joined) and sentences, each able to say which source line a character came from.
 */
import { cleanLine, splitCells } from './clean.ts'

export interface Line {
  /** 1-based line number in the extracted text. */
  no: number
  raw: string
  text: string
  cells: string[]
  blank: boolean
  /** Page furniture repeated through the document: headers, footers, page numbers. */
  boilerplate: boolean
}

export interface Span {
  text: string
  /** For each joined line: where it starts in `text` and its line number. */
  parts: Array<{ offset: number; line: number }>
}

export interface Doc {
  lines: Line[]
  paragraphs: Span[]
  sentences: Span[]
}

const PAGE_FURNITURE =
  /^(?:-?\s*(?:official(?:\s*-\s*sensitive)?|not protectively marked|restricted|confidential)\s*-?|page\s+\d+(?:\s+of\s+\d+)?|\d+\s*(?:of|\/)\s*\d+|-\s*\d+\s*-|\d{1,3})$/i

/** A gap of three or more spaces inside a line: a column gap in a table laid out with spaces. */
const COLUMN_GAP = /(?<=\S) {3,}(?=\S)/g

/**
 * Tables printed without borders or tabs ("Halo Project      Refuge      £198,000"): two or more lines in a
 * row whose cells are parted by wide gaps, one of them with an amount, have their gaps read as cell breaks.
 * A lone line with a wide gap (prose justified by a word processor) is left as it is.
 */
export function spacedColumns(rawLines: string[]): string[] {
  const out = [...rawLines]
  const gapped = (line: string): boolean => !line.includes('\t') && (line.trim().match(COLUMN_GAP)?.length ?? 0) >= 1
  for (let i = 0; i < rawLines.length;) {
    if (!gapped(rawLines[i]!)) {
      i++
      continue
    }
    let j = i
    while (j < rawLines.length && gapped(rawLines[j]!)) j++
    const block = rawLines.slice(i, j)
    const withAmount = block.filter((line) => /£\s?\d|\d[\d,]*\.\d{2}\s*$/.test(line)).length
    const multi = block.filter((line) => (line.trim().match(COLUMN_GAP)?.length ?? 0) >= 2).length
    if (block.length >= 2 && withAmount >= 1 && (multi >= 1 || withAmount >= 2))
      for (let k = i; k < j; k++) out[k] = rawLines[k]!.trim().replace(COLUMN_GAP, '\t')
    i = j
  }
  return out
}

export function buildDoc(text: string): Doc {
  const rawLines = text.split('\n')
  const cellised = spacedColumns(rawLines)
  const lines: Line[] = rawLines.map((raw, index) => {
    const cleaned = cleanLine(cellised[index]!)
    const cells = splitCells(cleaned)
    const flat = cells.join(' ').trim()
    return {
      no: index + 1,
      raw,
      text: cells.length > 1 ? cells.join('\t') : flat,
      cells,
      blank: flat === '',
      boilerplate: false,
    }
  })
  markBoilerplate(lines)
  const paragraphs = buildParagraphs(lines)
  const sentences = paragraphs.flatMap(splitSentences)
  return { lines, paragraphs, sentences }
}

function keyOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

function markBoilerplate(lines: Line[]): void {
  const counts = new Map<string, number>()
  for (const line of lines) {
    if (line.blank || line.text.length > 90) continue
    const key = keyOf(line.text)
    if (key) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  for (const line of lines) {
    if (line.blank) continue
    const text = line.text.replace(/\t/g, ' ')
    if (PAGE_FURNITURE.test(text.trim())) line.boilerplate = true
    else if (text.length <= 90 && (counts.get(keyOf(text)) ?? 0) >= 3 && !/\d/.test(text)) line.boilerplate = true
  }
}

const LIST_OR_HEADING =
  /^(?:[-•▪●◦*]\s|\d{1,2}(?:\.\d{1,2}){0,3}\.?\s|\(?[a-z]\)\s|[A-Z][A-Za-z /&*()'-]{0,50}:(?:\s|$))/
const TERMINAL = /[.!?:;]["')\]]?$/

/** A wrapped line that opens with a date ("31 March 2023, at a cost of …") continues its sentence: it is not item 31. */
const DATE_START =
  /^\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b/i
/** A line that stops mid-phrase ("… from 1 April 2022 to") is continued by the next, whatever it opens with. */
const OPEN_END = /(?:\b(?:to|from|of|and|or|the|a|an|by|on|in|at|with|for|between|until|than)|[,£–-])$/i

function startsParagraph(line: Line, last: Line | null): boolean {
  if (line.cells.length > 1) return true
  if (!LIST_OR_HEADING.test(line.text)) return false
  return !(DATE_START.test(line.text) && last !== null && OPEN_END.test(last.text))
}

function buildParagraphs(lines: Line[]): Span[] {
  const paragraphs: Span[] = []
  let current: Span | null = null
  let last: Line | null = null
  let gap = false
  for (const line of lines) {
    if (line.blank || line.boilerplate) {
      if (line.blank) gap = true
      continue
    }
    const text = line.cells.length > 1 ? line.cells.join(' ') : line.text
    const continues =
      current !== null &&
      last !== null &&
      last.cells.length <= 1 &&
      !startsParagraph(line, last) &&
      !TERMINAL.test(last.text) &&
      (gap
        ? /^[a-z]/.test(text) || (last.text.length >= 50 && /^\s/.test(line.raw) && /^\s/.test(last.raw))
        : !/^[A-Z][A-Z &]{3,}$/.test(last.text))
    if (continues && current) {
      current.parts.push({ offset: current.text.length + 1, line: line.no })
      current.text += ` ${text}`
    } else {
      current = { text, parts: [{ offset: 0, line: line.no }] }
      paragraphs.push(current)
    }
    last = line
    gap = false
  }
  return paragraphs
}

const NO_BREAK_BEFORE =
  /(?:\b(?:ext|no|nos|s|ss|para|paras|e\.g|i\.e|etc|mr|mrs|ms|dr|st|approx|ref|cllr|vol|p|pp|sec|fig)|\b[A-Z])$/i

const LONGEST_SENTENCE = 3000

/** A run-on "sentence" (a table flattened into prose, or noise) is cut into pieces so that no search over it grows without bound. */
function capLength(sentences: Span[]): Span[] {
  const out: Span[] = []
  for (const sentence of sentences) {
    if (sentence.text.length <= LONGEST_SENTENCE) {
      out.push(sentence)
      continue
    }
    let start = 0
    while (start < sentence.text.length) {
      let end = Math.min(sentence.text.length, start + LONGEST_SENTENCE)
      if (end < sentence.text.length) {
        const space = sentence.text.lastIndexOf(' ', end)
        if (space > start + LONGEST_SENTENCE / 2) end = space
      }
      out.push(sliceSpan(sentence, start, end))
      start = end
    }
  }
  return out
}

function splitSentences(paragraph: Span): Span[] {
  return capLength(splitSentencesUncapped(paragraph))
}

function splitSentencesUncapped(paragraph: Span): Span[] {
  const sentences: Span[] = []
  const text = paragraph.text
  const breaks = /[.!?]["')\]]?\s+(?=["'(£A-Z0-9])/g
  let start = 0
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    const before = text.slice(Math.max(start, match.index - 12), match.index)
    if (text[match.index] === '.' && NO_BREAK_BEFORE.test(before)) continue
    const end = match.index + match[0].trimEnd().length
    sentences.push(sliceSpan(paragraph, start, end))
    start = match.index + match[0].length
  }
  if (start < text.length) sentences.push(sliceSpan(paragraph, start, text.length))
  return sentences
}

export function sliceSpan(span: Span, start: number, end: number): Span {
  const parts: Span['parts'] = []
  for (let i = 0; i < span.parts.length; i++) {
    const part = span.parts[i]!
    const partEnd = span.parts[i + 1]?.offset ?? span.text.length + 1
    if (partEnd <= start || part.offset >= end) continue
    parts.push({ offset: Math.max(0, part.offset - start), line: part.line })
  }
  return { text: span.text.slice(start, end), parts: parts.length ? parts : [{ offset: 0, line: span.parts[0]!.line }] }
}

/** The line number of the character at `offset` in a span. */
export function lineAt(span: Span, offset: number): number {
  let line = span.parts[0]!.line
  for (const part of span.parts) {
    if (part.offset > offset) break
    line = part.line
  }
  return line
}
