/** The place a council stands for: named in its own name, or as the body a document is issued by. */
import { lineAt, type Doc } from './document.ts'
import { shortPlace } from './places.ts'
import type { Source } from './types.ts'

export interface AreaHit {
  name: string
  source: Source
}

const COUNCIL_SUFFIX =
  /\s+(?:(?:Metropolitan\s+|County\s+)?Borough|County|City|District|Town|Parish)?\s*Council$|\s+(?:LA|Local\s+Authority|Unitary\s+Authority)$/
/** "Rushcliffe Borough Council", "The Vale of Glamorgan Council", "Cheshire East LA": the place a council is for. */
export function councilPlace(name: string): string | null {
  const trimmed = name.trim().replace(/^the\s+/i, '')
  if (!COUNCIL_SUFFIX.test(trimmed)) return null
  return shortPlace(trimmed.replace(COUNCIL_SUFFIX, '').replace(/^the\s+/i, ''))
}
export const COUNCIL_NAME =
  /\b((?:The\s+)?(?:(?!Council\b)[A-Z][\w'-]*\s+(?:(?:of|and|upon|on|in|under)\s+(?:the\s+)?)?){1,5}(?:(?:Metropolitan\s+|County\s+)?Borough\s+|County\s+|City\s+|District\s+)?Council)\b/g
const SUBJECT_VERB =
  /^\s*(?:has|have|had)\s+(?:secured|obtained|received|won|been\s+awarded|been\s+given|been\s+granted)\b|^\s*(?:secures|secured|receives|received|wins|won)\b/

/**
 * The issuing council's own area: a council named as the page's heading, or a council that a news
 * page says has secured or received the money.
 */
export function issuerAreas(doc: Doc): AreaHit[] {
  const hits: AreaHit[] = []
  const add = (name: string, line: number): void => {
    hits.push({ name, source: { line, text: doc.lines[line - 1]!.raw.trim() } })
  }
  let seen = 0
  for (const line of doc.lines) {
    if (line.blank || line.boilerplate) continue
    if (++seen > 12) break
    const place = line.text.length <= 80 ? councilPlace(line.text.replace(/\t/g, ' ')) : null
    if (place) add(place, line.no)
  }
  for (const sentence of doc.sentences.slice(0, 8)) {
    COUNCIL_NAME.lastIndex = 0
    for (let m = COUNCIL_NAME.exec(sentence.text); m; m = COUNCIL_NAME.exec(sentence.text)) {
      if (!SUBJECT_VERB.test(sentence.text.slice(m.index + m[0].length))) continue
      const place = councilPlace(m[1]!)
      if (place) add(place, lineAt(sentence, m.index))
    }
  }
  return hits
}
