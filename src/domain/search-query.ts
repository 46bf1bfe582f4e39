/**
 * What a person typed into the register's search box, read as what they most likely mean: a financial year
 * ("2018/19"), a year ("2018": decided in 2018 or in the financial year 2018/19), or words, which may also be
 * a whole or part reference written with or without its punctuation ("PCC036", "000407", "pcc 036/18").
 */
export interface SearchQuery {
  words: string | null
  /** Letters and digits of the words, lower case, when they could be (part of) a reference. */
  referenceFragment: string | null
  financialYear: number | null
  calendarYear: number | null
}

export function readSearchQuery(text: string | undefined): SearchQuery | null {
  const trimmed = (text ?? '').trim()
  if (!trimmed) return null
  const fy = /^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$/.exec(trimmed)
  if (fy) {
    const start = Number(fy[1])
    const end = fy[2]!.length === 2 ? Number(fy[2]) : Number(fy[2]) % 100
    if ((start + 1) % 100 === end)
      return { words: null, referenceFragment: null, financialYear: start, calendarYear: null }
  }
  if (/^(19|20)\d{2}$/.test(trimmed)) {
    const year = Number(trimmed)
    return { words: null, referenceFragment: null, financialYear: year, calendarYear: year }
  }
  const fragment = trimmed.toLowerCase().replace(/[^a-z0-9]/g, '')
  return {
    words: trimmed,
    referenceFragment: fragment.length >= 3 && /\d/.test(fragment) ? fragment : null,
    financialYear: null,
    calendarYear: null,
  }
}

/** The characters the database puts around a matched word in a snippet: private-use, so no text holds them. */
export const MATCH_START = '\uE000'
export const MATCH_END = '\uE001'

/** A piece of a search result's snippet: plain text, or a word the search matched (shown in a <mark>). */
export interface SnippetPart {
  text: string
  marked: boolean
}

/**
 * A snippet from the database (matched words between MATCH_START and MATCH_END) as plain-text parts, for a view
 * to escape part by part, so the text of a record can never become markup. Null when no word is marked.
 */
export function snippetParts(headline: string | null): SnippetPart[] | null {
  if (!headline) return null
  const parts: SnippetPart[] = []
  let marked = false
  let current = ''
  const push = () => {
    if (current) {
      const last = parts[parts.length - 1]
      if (last && last.marked === marked) last.text += current
      else parts.push({ text: current, marked })
    }
    current = ''
  }
  for (const char of headline) {
    if (char === MATCH_START || char === MATCH_END) {
      push()
      marked = char === MATCH_START
    } else current += char
  }
  push()
  if (!parts.some((part) => part.marked)) return null
  const trimmed = parts.map((part) => ({ ...part, text: part.text.replace(/\s+/g, ' ') }))
  return trimmed
}
