/** The overall total the document itself states (never a sum we make). */
import { INEXACT_BEFORE, findAmounts } from './amounts.ts'
import { lineAt, type Doc } from './document.ts'
import type { LabelHit } from './labels.ts'
import type { Table } from './tables.ts'
import type { Source } from './types.ts'

export interface TotalHit {
  amount: number
  perAnnum: boolean
  upTo: boolean
  source: Source
}

const TOTAL_BEFORE = /\b(?:total|totalling|totaling|overall|in\s+all|grand\s+total|sum\s+of|(?:total\s+|overall\s+)?cost\s+of)\b[^.£]{0,80}$|\bvalue\s+of\s+(?:the\s+|this\s+)?(?:contract|commission|grant|award|decision|service)[^.£]{0,30}$/i
const BREAKDOWN_AFTER = /^[^.£]{0,30}\b(?:broken\s+down\s+as|made\s+up\s+of|comprising|split\s+(?:as|between))\b/i
const TOTAL_AFTER = /^\s*(?:in\s+total|in\s+all|overall|altogether)\b/i

export function findStatedTotal(doc: Doc, labels: LabelHit[], tables: Table[], tableLines: Set<number>): TotalHit | null {
  const candidates: TotalHit[] = []
  const src = (line: number): Source => ({ line, text: doc.lines[line - 1]!.raw.trim() })
  for (const label of labels) {
    if (label.field !== 'total' || tableLines.has(label.line.no)) continue
    const hits = findAmounts(label.value)
    if (hits.length === 1 && hits[0]!.reading.pence !== null) candidates.push({ amount: hits[0]!.reading.pence, perAnnum: hits[0]!.reading.perAnnum, upTo: hits[0]!.reading.upTo, source: src(label.line.no) })
  }
  for (const sentence of doc.sentences) {
    if (tableLines.has(sentence.parts[0]!.line) || !sentence.text.includes('£')) continue
    for (const hit of findAmounts(sentence.text)) {
      if (hit.reading.pence === null) continue
      const before = sentence.text.slice(Math.max(0, hit.start - 90), hit.start)
      const after = sentence.text.slice(hit.end)
      if (INEXACT_BEFORE.test(before) || /^\(?(?:[a-z]|\d{1,2}|[ivx]+)\)\s/.test(sentence.text)) continue
      if (TOTAL_BEFORE.test(before) || TOTAL_AFTER.test(after) || BREAKDOWN_AFTER.test(after) || /\bexpected\s+to\s+cost\s+$/i.test(before)) {
        candidates.push({ amount: hit.reading.pence, perAnnum: hit.reading.perAnnum || /^\s*(?:per\s+annum|a\s+year|each\s+year)/i.test(sentence.text.slice(hit.end)) || /\b(?:annual|yearly)\b[^.£]{0,80}$/i.test(before), upTo: hit.reading.upTo, source: src(lineAt(sentence, hit.start)) })
      }
    }
  }
  if (!candidates.length) {
    for (const table of tables) {
      const total = table.totals.at(-1)
      if (!total) continue
      const totalColumn = table.columns.find((c) => c.kind === 'total')
      const cell = totalColumn ? total.row.amounts.find((a) => a.column === totalColumn.index) : total.row.amounts.length === 1 ? total.row.amounts[0] : undefined
      if (cell?.reading.pence != null) candidates.push({ amount: cell.reading.pence, perAnnum: false, upTo: false, source: src(total.row.line.no) })
    }
  }
  let best: TotalHit | null = null
  for (const candidate of candidates) if (!best || candidate.amount > best.amount) best = candidate
  return best
}
