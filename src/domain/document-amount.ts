import type { Pence } from './money.ts'

/** What a document says about one amount. `pence` is null when the figure cannot be read as written. */
export interface AmountReading {
  raw: string
  pence: Pence | null
  /** The most plausible reading of a garbled figure: for a reviewer, never to be used silently. */
  likely: Pence | null
  upTo: boolean
  perAnnum: boolean
  /** Readable, but written in an irregular way (the reason). */
  irregular: string | null
  /** Why the figure cannot be read as written. */
  problem: string | null
}

const MULTIPLIERS: Record<string, bigint> = {
  k: 1_000n,
  thousand: 1_000n,
  m: 1_000_000n,
  mn: 1_000_000n,
  million: 1_000_000n,
  bn: 1_000_000_000n,
  billion: 1_000_000_000n,
}
const UP_TO = /^(?:up\s+to|upto|a\s+maximum\s+of|maximum\s+of|not\s+exceeding|no\s+more\s+than|capped\s+at)\s+/i
const PER_ANNUM =
  /\s*(?:per\s+annum|p\.\s?a\.?|pa|a\s+year|per\s+year|each\s+year|every\s+year|annually|per\s+financial\s+year|a\s+financial\s+year)\.?$/i

/**
 * Reads one amount as printed in a document: "£23,966", "£47,013.00", "£1.632m", "£451k", "£0.600m",
 * "up to £294,500 per annum", "21,296.00" (a table cell without its £), "forty-seven thousand pounds".
 * Irregular but unambiguous figures ("£14.611.50") are read and described; figures that cannot be read
 * ("£15,5074.22") get `pence: null`, a `problem`, and, where one reading stands out, `likely`.
 */
export function parseDocumentAmount(text: string): AmountReading {
  const reading: AmountReading = {
    raw: text,
    pence: null,
    likely: null,
    upTo: false,
    perAnnum: false,
    irregular: null,
    problem: null,
  }
  let rest = text.replace(/\s+/g, ' ').trim()
  const upTo = UP_TO.exec(rest)
  if (upTo) {
    reading.upTo = true
    rest = rest.slice(upTo[0].length)
  }
  const perAnnum = PER_ANNUM.exec(rest)
  if (perAnnum && perAnnum.index > 0) {
    reading.perAnnum = true
    rest = rest.slice(0, perAnnum.index).trim()
  }
  if (/[a-z]/i.test(rest) && !/^(?:£|gbp)?\s?[\d.,]+\s?(?:k|m|mn|bn|million|billion|thousand)$/i.test(rest)) {
    const fromWords = parseAmountInWords(rest)
    if (fromWords !== null) reading.pence = fromWords
    else reading.problem = 'not an amount of money'
    return reading
  }
  const match = /^(-)?(?:£|gbp)?\s?(-)?([\d.,]+)\s?([a-z]*)$/i.exec(rest)
  if (!match) {
    reading.problem = 'not an amount of money'
    return reading
  }
  const negative = Boolean(match[1] ?? match[2])
  const unit = (match[4] ?? '').toLowerCase()
  const multiplier = unit ? MULTIPLIERS[unit] : 1n
  if (multiplier === undefined) {
    reading.problem = `unknown unit "${match[4]}"`
    return reading
  }
  const figure = readFigure(match[3]!, multiplier !== 1n)
  reading.irregular = figure.irregular
  reading.problem = figure.problem
  const sign = negative ? -1 : 1
  if (figure.units !== null) reading.pence = sign * toPence(figure.units, figure.scale, multiplier)
  if (figure.likelyUnits !== null) reading.likely = sign * toPence(figure.likelyUnits, figure.scale, multiplier)
  return reading
}

interface Figure {
  units: string | null
  likelyUnits: string | null
  scale: number
  irregular: string | null
  problem: string | null
}

function readFigure(digits: string, scaled: boolean): Figure {
  const none: Figure = { units: null, likelyUnits: null, scale: 0, irregular: null, problem: null }
  if (!/\d/.test(digits)) return { ...none, problem: 'no digits' }
  if (/^\d{1,3}(?:,\d{3})*(?:\.\d+)?$/.test(digits) || /^\d+(?:\.\d+)?$/.test(digits)) {
    const [whole, fraction = ''] = digits.replace(/,/g, '').split('.')
    if (!scaled && fraction.length > 2) {
      if (fraction.length === 3 && !digits.includes(',')) {
        return {
          ...none,
          likelyUnits: whole! + fraction,
          problem: 'three digits after the decimal point (a full stop used as a thousands separator?)',
        }
      }
      return { ...none, problem: 'more than two digits of pence' }
    }
    return { ...none, units: whole! + fraction, scale: fraction.length }
  }
  if (/^\d{1,3}(?:\.\d{3})+\.\d{2}$/.test(digits)) {
    const parts = digits.split('.')
    const fraction = parts.pop()!
    return { ...none, units: parts.join('') + fraction, scale: 2, irregular: 'full stops used as thousands separators' }
  }
  if (/^\d{1,3}(?:\.\d{3})+,\d{2}$/.test(digits)) {
    const [whole, fraction] = digits.split(',')
    return {
      ...none,
      units: whole!.replace(/\./g, '') + fraction!,
      scale: 2,
      irregular: 'written with a decimal comma',
    }
  }
  const grouped = /^(\d+)((?:,\d+)+)(?:\.(\d{1,2}))?$/.exec(digits)
  if (grouped) {
    const lead = grouped[1]!
    const groups = grouped[2]!.slice(1).split(',')
    const fraction = grouped[3] ?? ''
    const problem =
      lead.length > 3
        ? 'too many digits before the first comma'
        : 'a group of digits between commas is not three digits long'
    return { ...none, likelyUnits: likelyRegrouping(lead, groups, fraction), scale: fraction.length, problem }
  }
  return { ...none, problem: 'the figure is garbled' }
}

/** The one reading that removes a doubled digit at the start of a four-digit group ("15,5074" → 15,074). */
function likelyRegrouping(lead: string, groups: string[], fraction: string): string | null {
  if (lead.length > 3) return null
  const fixed: string[] = []
  let previous = lead.at(-1)!
  for (const group of groups) {
    if (group.length === 3) fixed.push(group)
    else if (group.length === 4 && group[0] === previous) fixed.push(group.slice(1))
    else return null
    previous = group.at(-1)!
  }
  return lead + fixed.join('') + fraction
}

function toPence(units: string, scale: number, multiplier: bigint): Pence {
  const scaled = BigInt(units) * multiplier * 100n
  const divisor = 10n ** BigInt(scale)
  const pence = (scaled + divisor / 2n) / divisor
  return Number(pence)
}

const SMALL: Record<string, number> = {
  zero: 0,
  one: 1,
  a: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
}
const SCALES: Record<string, number> = { thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 }

/** The words a spelled-out amount is made of, for scanners that look for one. */
export const AMOUNT_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(SMALL),
  ...Object.keys(SCALES),
  'hundred',
  'and',
])

/** "forty-seven thousand and thirteen pounds and fifty pence" → 4701350. Null when it is not one. */
export function parseAmountInWords(text: string): Pence | null {
  const words = text.toLowerCase().replace(/[£,]/g, ' ').replace(/-/g, ' ').split(/\s+/).filter(Boolean)
  const poundsAt = words.findIndex((w) => w === 'pounds' || w === 'pound' || w === 'sterling')
  const poundWords = poundsAt === -1 ? words : words.slice(0, poundsAt)
  const pounds = wordsToNumber(poundWords)
  if (pounds === null) return null
  let pence = 0
  if (poundsAt !== -1) {
    const after = words.slice(poundsAt + 1).filter((w) => w !== 'sterling' && w !== 'only')
    if (after.length > 0) {
      const penceWords = after[0] === 'and' ? after.slice(1) : after
      const last = penceWords.at(-1)
      if (last !== 'pence' && last !== 'p') return null
      const value = wordsToNumber(penceWords.slice(0, -1))
      if (value === null || value > 99) return null
      pence = value
    }
  }
  return pounds * 100 + pence
}

function wordsToNumber(words: string[]): number | null {
  if (words.length === 0 || words.length > 40) return null
  let total = 0
  let current = 0
  let seen = false
  for (const word of words) {
    if (word === 'and') continue
    const small = SMALL[word]
    if (small !== undefined) {
      current += small
      seen = true
    } else if (word === 'hundred') {
      current = (current || 1) * 100
      seen = true
    } else if (SCALES[word] !== undefined) {
      total += (current || 1) * SCALES[word]!
      current = 0
      seen = true
    } else if (/^\d+$/.test(word)) {
      current += Number(word)
      seen = true
    } else {
      return null
    }
  }
  return seen ? total + current : null
}
