/** Finds amounts of money in a piece of text and reads each with the domain's document-amount parser. */
import { AMOUNT_WORDS, parseDocumentAmount, type AmountReading } from '../domain/document-amount.ts'

export interface AmountHit {
  start: number
  end: number
  reading: AmountReading
}

const AMOUNT =
  /(?:\b(?:up\s+to|upto|a\s+maximum\s+of|not\s+exceeding|no\s+more\s+than|capped\s+at)\s+)?(?:£|\bGBP\s?)\s?-?\d[\d.,]*(?:\s?(?:k|m|mn|bn|million|billion|thousand)\b)?(?:\s*(?:per\s+annum|p\.a\.|pa\b|a\s+year\b|per\s+year|each\s+year|annually|per\s+financial\s+year))?/gi
/** Words that make the amount after them inexact: "over £16m", "nearly £660k", "more than £70,000". */
export const INEXACT_BEFORE =
  /\b(?:more\s+than|over|nearly|almost|around|approximately|approx\.?|about|some|at\s+least|in\s+excess\s+of|just\s+(?:under|over)|circa|c\.|roughly|upwards\s+of|close\s+to)\s*$/i
const BROKEN_TAIL = /^[^\w\s£]{0,2}\s{1,3}[.,]\d{1,2}\b/

export function findAmounts(text: string): AmountHit[] {
  const hits: AmountHit[] = []
  if (text.includes('£') || /gbp/i.test(text)) {
    AMOUNT.lastIndex = 0
    for (let match = AMOUNT.exec(text); match; match = AMOUNT.exec(text)) {
      let raw = match[0]
      let end = match.index + raw.length
      const trailing = /[.,]+$/.exec(raw)
      if (trailing) {
        const tail = BROKEN_TAIL.exec(text.slice(end))
        if (trailing[0].startsWith(',') && tail) {
          const broken = raw + tail[0]
          end += tail[0].length
          hits.push({
            start: match.index,
            end,
            reading: {
              ...parseDocumentAmount(raw.slice(0, -trailing[0].length)),
              raw: broken,
              pence: null,
              likely: null,
              problem: 'the figure is broken in two',
            },
          })
          AMOUNT.lastIndex = end
          continue
        }
        raw = raw.slice(0, -trailing[0].length)
        end -= trailing[0].length
      }
      hits.push({ start: match.index, end, reading: parseDocumentAmount(raw) })
    }
  }
  if (/pounds?\b/i.test(text)) hits.push(...findAmountsInWords(text))
  return hits.sort((a, b) => a.start - b.start)
}

function findAmountsInWords(text: string): AmountHit[] {
  const hits: AmountHit[] = []
  const words = [...text.matchAll(/[A-Za-z]+/g)]
  for (let i = 0; i < words.length; i++) {
    const word = words[i]![0].toLowerCase()
    if (word !== 'pounds' && word !== 'pound') continue
    let first = i
    while (first > 0 && i - first < 20 && AMOUNT_WORDS.has(words[first - 1]![0].toLowerCase())) first--
    while (first < i && words[first]![0].toLowerCase() === 'and') first++
    if (first === i) continue
    let last = i
    const pence = /^\s+and\s+([a-z -]{3,40}?)\s+pence\b/i.exec(text.slice(words[i]!.index + words[i]![0].length))
    let end = words[last]!.index + words[last]![0].length
    if (pence) end += pence[0].length
    last = i
    const start = words[first]!.index
    const reading = parseDocumentAmount(text.slice(start, end))
    if (reading.pence !== null) hits.push({ start, end, reading })
  }
  return hits
}

/** A table cell that holds only an amount (a cell may lack its £). */
export function readAmountCell(cell: string): AmountReading | null {
  const text = cell.trim()
  if (
    !/^(?:up\s+to\s+)?(?:£|GBP\s?)?\s?-?\d[\d.,]*\s?(?:k|m|mn|bn|million)?(?:\s*(?:per\s+annum|pa|p\.a\.))?$/i.test(
      text,
    )
  ) {
    const hits = findAmounts(text)
    if (hits.length === 1 && hits[0]!.end - hits[0]!.start >= text.length - 1) return hits[0]!.reading
    return null
  }
  if (
    !text.includes('£') &&
    !/^(?:up\s+to\s+)?(?:\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\d+\.\d{2}|\d{1,3}(?:[.,]\d{3,4})+[.,]\d{2}|\d+(?:\.\d+)?\s?(?:k|m|mn|bn|million))$/i.test(
      text,
    )
  )
    return null
  return parseDocumentAmount(text)
}
