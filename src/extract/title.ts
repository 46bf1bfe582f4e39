/**
 * The document's title, without its label. A labelled title ("Title of report: …") wins; otherwise every
 * heading-like line near the top is a candidate, and the first one that is not page furniture, an office
 * name, a generic heading ("Decision details", "Agenda item", "Report of …") or running prose is taken.
 */
import type { Doc, Line } from './document.ts'
import { labelField, type LabelHit } from './labels.ts'

export interface TitleHit {
  value: string
  line: Line
}

const GENERIC =
  /^(?:notice of (?:a )?decision|decision notice|decision report|p?f?cc decision report|record of (?:a )?decision|decision record|request for (?:a )?decision|decision log(?: \d{4})?|executive decision|decision sheet|official|freedom of information(?: act)?(?: \d{4})?(?:\s*[-–—]?\s*(?:request|response|request response))?|police,? (?:fire )?(?:and|&) crime commissioner|part [12]|public|report|decisions?|please ensure all sections below are completed|decision details|decisions? published|decisions of public interest|agenda item(?: no\.? ?\d+)?|agenda|issue - meetings|award(?: ?update)?|minutes|additional documents|foi request|our response|response|response to (?:your )?request for information|request for information|latest news|news|search|press release|media release|earlier - later|contents|summary|executive summary|background|purpose|recommendations?|request|the request|your request|statement on decision making|supporting information|decision requested|approval|financial implications|reasons?)$/i
const FURNITURE =
  /^(?:skip to|main content|jump to|back to|return to|\[return|\[image|save time|you are here|home\s*[>›]|share this|print this|cookies?\b|accept (?:all )?cookies)/i
const NOT_TITLE_START =
  /^(?:report of|report by|minutes of|published on|posted on|updated|last updated|meeting\b|response \d|dear\b|from:|to:)/i
const OFFICE_NAME =
  /^(?:the\s+)?(?:[A-Z][\w'-]*\s+){0,5}(?:county |city |borough |district |metropolitan borough |town |parish )?council$|^(?:the\s+)?(?:office of the\s+)?(?:[A-Z][\w'-]*\s+){0,3}police,? (?:fire )?(?:and |& )?crime commissioner(?:'s office)?(?: for [\w ]+)?$|^(?:[\w ]+ )?commissioner(?:'s)? office$/i
const CONNECTOR_END = /(?:\band|\bof|\bfor|\bthe|\bto|\bin|&|,|-|–|\bwith|\bon|\bwhich|\bthat|\bby|\bat|\ba|\ban)$/i
const DATE_ONLY =
  /^(?:\w+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4}(?:\s+at\s+[\d:.]+\s*(?:am|pm)?)?$|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/i

function tidy(value: string): string {
  return value
    .replace(/\t+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“]+|[\s"'”]+$/g, '')
    .trim()
}

/** A heading as printed, without an "Agenda item - " prefix, an item number or a "PDF 182 KB" link size. */
export function headingText(raw: string): string {
  return tidy(raw)
    .replace(/^#{1,6}\s+/, '')
    .replace(/^\*\*(.*)\*\*$/, '$1')
    .replace(/^agenda item\s*[-–—:]\s*/i, '')
    .replace(/^(?:item\s+)?\d{1,3}\.?\s+(?=[A-Z£])/, '')
    .replace(/\s+(?:PDF|DOCX?|HTML)\s+\d+(?:\.\d+)?\s*[KM]B$/i, '')
    .trim()
}

/** Why a line cannot be a title, or null when it can. 'prose' means running text has begun. */
export function titleRejection(line: Line, next: Line | undefined): 'prose' | 'no' | null {
  const text = headingText(line.text)
  if (!text || DATE_ONLY.test(tidy(line.text)) || /^(?:\w+\s+)?\d{4}$/.test(text)) return 'no'
  const continues = next !== undefined && !next.blank
  if (/[.;]$/.test(text) && text.length >= 40) return 'prose'
  if (text.length >= 70 && continues && !/[.!?:]$/.test(text)) return 'prose'
  if (CONNECTOR_END.test(text) && text.length >= 40) return 'prose'
  if (text.length < 6 || text.length > 160) return 'no'
  if (
    FURNITURE.test(text) ||
    GENERIC.test(text) ||
    NOT_TITLE_START.test(text) ||
    OFFICE_NAME.test(text) ||
    DATE_ONLY.test(text)
  )
    return 'no'
  if (/:/.test(text) || /[.,;?]$/.test(text) || /^[a-z(]/.test(text) || (text.match(/,/g)?.length ?? 0) >= 2)
    return 'no'
  if (CONNECTOR_END.test(text)) return 'no'
  if (!/[A-Za-z]{3}/.test(text) || labelField(text)) return 'no'
  return null
}

export function findTitle(doc: Doc, labels: LabelHit[], officeLine: Line | null): TitleHit | null {
  const longest = doc.lines.reduce((max, line) => Math.max(max, line.raw.length), 0)
  for (const hit of labels) {
    if (hit.field !== 'title') continue
    let value = tidy(hit.value)
    if (!value || value.length < 3) continue
    const index = hit.line.no - 1
    const next = doc.lines[index + 1]
    const wrapped = hit.line.raw.length >= longest * 0.8 && longest >= 60 && !/[.!?]$/.test(value)
    if (
      next &&
      !next.blank &&
      next.cells.length === 1 &&
      (CONNECTOR_END.test(value) || /^[a-z(]/.test(next.text) || wrapped) &&
      !/:/.test(next.text) &&
      next.text.length < 120
    )
      value = tidy(`${value} ${next.text}`)
    return { value, line: hit.line }
  }
  let seen = 0
  for (let i = 0; i < doc.lines.length && seen < 30; i++) {
    const line = doc.lines[i]!
    if (line.blank || line.boilerplate) continue
    seen++
    if (line === officeLine || line.cells.length > 1) continue
    const next = doc.lines.slice(i + 1).find((l) => !l.boilerplate)
    const why = titleRejection(line, next)
    if (why === 'prose') break
    if (why) continue
    return { value: headingText(line.text), line }
  }
  return null
}

/**
 * A heading that begins with the document's own reference ("WPCC3-0089 Police and Crime Commissioner's Grants")
 * names the record twice: the title is what follows the reference.
 */
export function withoutLeadingReference(title: string, reference: string | null): string {
  if (!reference) return title
  const escaped = reference
    .trim()
    .split(/[\s\-–—]+/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
    .join('[\\s\\-–—]*')
  const match = new RegExp(`^(?:ref(?:erence)?\\.?\\s*(?:no\\.?\\s*)?)?${escaped}\\s*[-–—:|]?\\s+`, 'i').exec(title)
  if (!match) return title
  const rest = title.slice(match[0].length).trim()
  return /[A-Za-z]{3}/.test(rest) && rest.length >= 6 ? rest : title
}
