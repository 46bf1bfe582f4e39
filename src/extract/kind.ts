/**
 * Which kind of document this is: a decision notice, a report asking for a decision, an FOI response.
 * A page with no sign of a decision (no decision heading, no decision maker, no resolution, no award) is a
 * report: a news page about money secured, a scrutiny item, a page describing a fund.
 */
import type { Doc } from './document.ts'
import type { DocumentKind } from './types.ts'

const FOI = [
  /freedom of information/i,
  /\bFOIA?\b/,
  /\byour request\b/i,
  /request for information/i,
  /^dear\b/i,
  /yours (?:sincerely|faithfully)/i,
  /\bS(?:ection)?\.?\s?1\s?\(1\)/i,
  /information requested/i,
  /disclosure log/i,
  /^response date\b/i,
]
const DECISION_HEADINGS = [
  /notice of (?:a )?decision/i,
  /decision notice/i,
  /record of (?:a |the )?decision/i,
  /decision record/i,
  /request for (?:a )?decision/i,
  /decision log/i,
  /executive decision/i,
  /decision sheet/i,
  /key decision/i,
  /^decision(?:\s+(?:number|no\.?|ref(?:erence)?(?:\s+(?:number|no\.?))?|title|summary|taken\s+by|date))?\s*[:\t]/i,
  /^date\s+of\s+decision\s*[:\t]/i,
  /^(?:contract\s+)?award(?:\s*update|\s+notice)?$/i,
  /^decisions published$/i,
]
const DECISION_BODY = [
  /i hereby (?:approve|agree)/i,
  /has my approval/i,
  /\bi approve\b/i,
  /decision maker/i,
  /declaration of interests?|\bdeclaration:/i,
  /\bapproved by the\b/i,
  /^resolved\b/i,
  /none of my interests preclude|register of interests/i,
  /\bdated this \d/i,
]
const REPORT_HEADINGS = [
  /decision report/i,
  /report reference/i,
  /purpose of (?:the )?report/i,
  /^report (?:to|for|title)\b/i,
  /title of report/i,
  /\breport approval\b/i,
  /agree the recommendations/i,
  /\bcommittee report\b/i,
]

export function classifyKind(doc: Doc): DocumentKind {
  let foi = 0
  let foiEarly = false
  let decision = 0
  let report = 0
  let content = 0
  for (const line of doc.lines) {
    if (line.blank) continue
    content++
    const text = line.text.replace(/\t/g, ' ')
    const early = line.no <= 40 ? 2 : 1
    for (const pattern of FOI) {
      if (!pattern.test(text)) continue
      foi += 1
      if (content <= 15) foiEarly = true
    }
    for (const pattern of DECISION_HEADINGS) if (pattern.test(text)) decision += early
    for (const pattern of DECISION_BODY) if (pattern.test(text)) decision += 1
    for (const pattern of REPORT_HEADINGS) if (pattern.test(text)) report += early
  }
  if (foi >= 4 && foi >= decision) return 'foi_response'
  if (foiEarly && decision === 0) return 'foi_response'
  if (report > decision) return 'report'
  if (decision === 0) return 'report'
  return 'decision'
}
