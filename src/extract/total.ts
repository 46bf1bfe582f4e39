/** The overall total the document itself states (never a sum we make). */
import { INEXACT_BEFORE, findAmounts, type AmountHit } from './amounts.ts'
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

const TOTAL_BEFORE =
  /\b(?:total|totalling|totaling|overall|in\s+all|grand\s+total|sum\s+of|(?:total\s+|overall\s+)?cost\s+of)\b[^.£]{0,80}$|\bvalue\s+of\s+(?:the\s+|this\s+)?(?:contract|commission|grant|award|decision|service)[^.£]{0,30}$/i
/** "£2.35m across the contract term": a figure for the whole life of the contract. */
const WHOLE_TERM_AFTER =
  /^\s*(?:across|over|for)\s+(?:the\s+)?(?:whole\s+|full\s+|entire\s+|life\s+of\s+the\s+)?(?:contract(?:\s+(?:term|period|life))?|term|life\s+of\s+the\s+contract)\b/i
/** "the service contract is valued at £1.6 million per annum". */
const VALUED_BEFORE =
  /\b(?:contract|commission|service|grant|award|framework)\b[^.£]{0,40}\b(?:is|was|are|were|will\s+be)\s+(?:valued|priced)\s+at\s*$/i
/** Money the body has obtained: "has obtained an additional £82,000", "£729,877.24 has been awarded", "raised its allocation from £A to £B". */
const RECEIVED_BEFORE =
  /\b(?:has|have|had)\s+(?:obtained|secured|received|won|been\s+(?:awarded|allocated|granted|given))\s+(?:an?\s+)?(?:additional\s+|extra\s+|further\s+)?$|\bto\s+$/i
const RECEIVED_AFTER =
  /^\s*(?:[a-z]+\s+){0,2}(?:funding\s+|grant\s+)?(?:has|have)\s+been\s+(?:awarded|allocated|granted|secured|received)\b/i
const BREAKDOWN_AFTER = /^[^.£]{0,30}\b(?:broken\s+down\s+as|made\s+up\s+of|comprising|split\s+(?:as|between))\b/i
/** "the total budget for these grants is £300,000". */
const BUDGET_BEFORE = /\bbudget\b[^.£]{0,60}$/i
const TOTAL_AFTER = /^\s*(?:in\s+total|in\s+all|overall|altogether)\b/i

/** What the sentences and labels of a document say about its total, gathered before one is chosen. */
interface TotalEvidence {
  /** Figures stated as the total, in the order they are met. */
  candidates: TotalHit[]
  /** Money the body says it has obtained. */
  received: TotalHit[]
  /** Budgets: what could be spent. */
  budgets: TotalHit[]
  /** First lines of the list items that each price their own part. */
  itemTotals: Set<number>
}

type Sentence = Doc['sentences'][number]

export function findStatedTotal(
  doc: Doc,
  labels: LabelHit[],
  tables: Table[],
  tableLines: Set<number>,
  /** False for an FOI answer: money it reports is past spending, not what a decision awards. */
  onlyAmountIsTotal = true,
): TotalHit | null {
  const evidence: TotalEvidence = {
    candidates: labelledTotals(doc, labels, tableLines),
    received: [],
    budgets: [],
    itemTotals: new Set<number>(),
  }
  for (const sentence of doc.sentences) {
    if (tableLines.has(sentence.parts[0]!.line) || !sentence.text.includes('£')) continue
    readTotalSentence(doc, sentence, evidence)
  }
  // Each of several resolutions prices its own part: no single overall figure.
  if (evidence.itemTotals.size >= 2) return largestOutsideItems(doc, evidence.candidates, evidence.itemTotals)
  const candidates = evidence.candidates
  // A budget is what could be spent, not what was decided: it is the total only when nothing else is stated.
  if (!candidates.length) candidates.push(...evidence.budgets)
  if (!candidates.length) candidates.push(...tableTotals(doc, tables))
  if (!candidates.length)
    candidates.push(
      ...evidence.received.filter((r) => !evidence.received.some((o) => o.amount !== r.amount)).slice(0, 1),
    )
  if (!candidates.length) {
    const headline = headlineAmount(doc)
    if (headline) candidates.push(headline)
  }
  if (!candidates.length && onlyAmountIsTotal) {
    const only = onlyAwardedAmount(doc, tableLines)
    if (only) candidates.push(only)
  }
  let best: TotalHit | null = null
  for (const candidate of candidates) if (!best || candidate.amount > best.amount) best = candidate
  return best
}

function sourceAt(doc: Doc, line: number): Source {
  return { line, text: doc.lines[line - 1]!.raw.trim() }
}

/** A hit read as it stands, found on the given line. */
function hitAsTotal(doc: Doc, amount: number, hit: AmountHit, line: number): TotalHit {
  return { amount, perAnnum: hit.reading.perAnnum, upTo: hit.reading.upTo, source: sourceAt(doc, line) }
}

/** Totals given against a "Total" label outside a table, when the label's value holds one amount. */
function labelledTotals(doc: Doc, labels: LabelHit[], tableLines: Set<number>): TotalHit[] {
  const candidates: TotalHit[] = []
  for (const label of labels) {
    if (label.field !== 'total' || tableLines.has(label.line.no)) continue
    const hits = findAmounts(label.value)
    if (hits.length === 1 && hits[0]!.reading.pence !== null)
      candidates.push(hitAsTotal(doc, hits[0]!.reading.pence, hits[0]!, label.line.no))
  }
  return candidates
}

/** Sorts each amount of one sentence into the evidence: a stated total, a budget, money received or an item's price. */
function readTotalSentence(doc: Doc, sentence: Sentence, evidence: TotalEvidence): void {
  const hits = findAmounts(sentence.text)
  for (const [index, hit] of hits.entries()) {
    if (hit.reading.pence === null) continue
    const before = sentence.text.slice(Math.max(0, hit.start - 90), hit.start)
    const after = sentence.text.slice(hit.end)
    if (INEXACT_BEFORE.test(before)) continue
    const line = lineAt(sentence, hit.start)
    const ofItem = listItemWithSiblings(doc, line)
    if (ofItem && /^\(?(?:[a-z]|\d{1,2}|[ivx]+)\)\s/.test(sentence.text)) {
      if (ofItem && (TOTAL_BEFORE.test(before) || VALUED_BEFORE.test(before))) evidence.itemTotals.add(ofItem)
      continue
    }
    const total = hitAsTotal(doc, hit.reading.pence, hit, line)
    if (!ofItem && readsAsReceived(sentence.text, hit, index, before, after)) evidence.received.push(total)
    if (ofItem && /\b(?:award(?:ed)?|allocation)\s+to\s+(?:the\s+)?[A-Z]/.test(sentence.text)) continue
    if (statesTotal(before, after)) {
      if (ofItem) evidence.itemTotals.add(ofItem)
      const stated = BUDGET_BEFORE.test(before) ? evidence.budgets : evidence.candidates
      stated.push({
        ...total,
        perAnnum:
          hit.reading.perAnnum ||
          /^\s*(?:per\s+annum|a\s+year|each\s+year)/i.test(sentence.text.slice(hit.end)) ||
          /\b(?:annual|yearly)\b[^.£]{0,80}$/i.test(before),
      })
    }
  }
}

/** Whether an amount reads as money the body has obtained (received, raised to, or said after it to be awarded). */
function readsAsReceived(text: string, hit: AmountHit, index: number, before: string, after: string): boolean {
  if (
    /\b(?:has|have|had)\s+(?:obtained|secured|received|won|been\s+(?:awarded|allocated|granted|given))\b/i.test(
      text.slice(0, hit.start),
    ) &&
    RECEIVED_BEFORE.test(before) &&
    (!/\bto\s+$/i.test(before) || /\bfrom\s+£[\d,.]+\s?(?:k|m|million)?\s+to\s+$/i.test(before)) &&
    !/\bfrom\s*$/i.test(before) &&
    !/^\s+to\s+£/.test(after)
  )
    return true
  // "the Government raised its allocation to the Council from £37,500 to £112,750": the new figure
  if (/\b(?:raised|increased|uplifted|grown)\b[^.£]{0,80}\bfrom\s+£[\d,.]+\s?(?:k|m|million)?\s+to\s+$/i.test(before))
    return true
  return index === 0 && RECEIVED_AFTER.test(after)
}

/** Whether the words around an amount state it as a total. */
function statesTotal(before: string, after: string): boolean {
  return (
    TOTAL_BEFORE.test(before) ||
    TOTAL_AFTER.test(after) ||
    BREAKDOWN_AFTER.test(after) ||
    WHOLE_TERM_AFTER.test(after) ||
    VALUED_BEFORE.test(before) ||
    /\b(?:expected\s+to|will|would|is\s+to)\s+cost\s+$/i.test(before)
  )
}

/** The largest stated total that does not belong to one of the list items pricing their own part. */
function largestOutsideItems(doc: Doc, candidates: TotalHit[], itemTotals: Set<number>): TotalHit | null {
  const items = [...itemTotals]
  return (
    candidates
      .filter(
        (c) =>
          !items.some(
            (item) =>
              c.source.line >= item && c.source.line < item + 30 && listItemWithSiblings(doc, c.source.line) === item,
          ),
      )
      .sort((a, b) => b.amount - a.amount)[0] ?? null
  )
}

/** The last total row of each table, read in its total column (or its only amount). */
function tableTotals(doc: Doc, tables: Table[]): TotalHit[] {
  const totals: TotalHit[] = []
  for (const table of tables) {
    const total = table.totals.at(-1)
    if (!total) continue
    const totalColumn = table.columns.find((c) => c.kind === 'total')
    const cell = totalColumn
      ? total.row.amounts.find((a) => a.column === totalColumn.index)
      : total.row.amounts.length === 1
        ? total.row.amounts[0]
        : undefined
    if (cell?.reading.pence != null)
      totals.push({
        amount: cell.reading.pence,
        perAnnum: false,
        upTo: false,
        source: sourceAt(doc, total.row.line.no),
      })
  }
  return totals
}

const ITEM = /^\s*(?:\(\d{1,2}\)|\d{1,2}\.\d{1,2}\.?|\(?[a-z]\)|\(?[ivx]{1,4}\))\s/

/** The first line of the numbered or lettered item a line belongs to, when that list has two or more items with money. */
function listItemWithSiblings(doc: Doc, lineNo: number): number | null {
  let start: number | null = null
  for (let no = lineNo; no >= 1 && no > lineNo - 30; no--) {
    const line = doc.lines[no - 1]!
    if (ITEM.test(line.raw)) {
      start = no
      break
    }
  }
  if (start === null) return null
  let moneyItems = 0
  let inItem = false
  let hasMoney = false
  for (let no = Math.max(1, start - 60); no <= Math.min(doc.lines.length, start + 60); no++) {
    const line = doc.lines[no - 1]!
    if (ITEM.test(line.raw)) {
      if (inItem && hasMoney) moneyItems++
      inItem = true
      hasMoney = false
    }
    if (line.raw.includes('£')) hasMoney = true
  }
  if (inItem && hasMoney) moneyItems++
  return moneyItems >= 2 ? start : null
}

/** A news page's headline figure ("£2m for local abuse services"), when the body does not hedge the same amount. */
function headlineAmount(doc: Doc): TotalHit | null {
  const first = doc.lines.find(
    (line) =>
      !line.blank &&
      !line.boilerplate &&
      !/^\[image/i.test(line.text) &&
      !/^skip\s+to/i.test(line.text) &&
      line.text.includes('£'),
  )
  if (!first || first.no > 12 || first.text.length > 140 || /[.!?]$/.test(first.text)) return null
  // A headline stands alone: a line wrapped into the next is the first line of a paragraph, not a headline.
  if (doc.paragraphs.some((p) => p.parts.length > 1 && p.parts[0]!.line === first.no)) return null
  const hits = findAmounts(first.text)
  if (hits.length !== 1 || hits[0]!.reading.pence === null || INEXACT_BEFORE.test(first.text.slice(0, hits[0]!.start)))
    return null
  const amount = hits[0]!.reading.pence
  for (const sentence of doc.sentences) {
    if (sentence.parts[0]!.line === first.no) continue
    for (const hit of findAmounts(sentence.text)) {
      if (
        hit.reading.pence === amount &&
        INEXACT_BEFORE.test(sentence.text.slice(Math.max(0, hit.start - 30), hit.start))
      )
        return null
    }
  }
  return {
    amount,
    perAnnum: hits[0]!.reading.perAnnum,
    upTo: hits[0]!.reading.upTo,
    source: { line: first.no, text: first.raw.trim() },
  }
}

const AWARDING =
  /\b(?:grants?|granted|awards?|awarded|approves?|approved|commits?|committed|allocates?|allocated|rises\s+to)\b/i

/**
 * The only value a document gives, when it is the money the decision awards ("This decision grants £86,500
 * to Next Link", restated as "I approve the award of £86,500"): that is the decision's total.
 */
function onlyAwardedAmount(doc: Doc, tableLines: Set<number>): TotalHit | null {
  let found: TotalHit | null = null
  let awarding = false
  for (const sentence of doc.sentences) {
    if (tableLines.has(sentence.parts[0]!.line) || !sentence.text.includes('£')) continue
    for (const hit of findAmounts(sentence.text)) {
      if (INEXACT_BEFORE.test(sentence.text.slice(Math.max(0, hit.start - 90), hit.start))) return null
      if (hit.reading.pence === null) return null
      if (found && found.amount !== hit.reading.pence) return null
      if (/\?\s*$/.test(sentence.text)) return null
      awarding ||= AWARDING.test(sentence.text)
      found ??= {
        amount: hit.reading.pence,
        perAnnum: hit.reading.perAnnum,
        upTo: hit.reading.upTo,
        source: { line: lineAt(sentence, hit.start), text: doc.lines[lineAt(sentence, hit.start) - 1]!.raw.trim() },
      }
    }
  }
  return awarding ? found : null
}
