/** The document's title, without its label. */
import type { Doc, Line } from './document.ts'
import type { LabelHit } from './labels.ts'

export interface TitleHit {
  value: string
  line: Line
}

const GENERIC = /^(?:notice of (?:a )?decision|decision notice|decision report|p?f?cc decision report|record of (?:a )?decision|decision record|request for (?:a )?decision|decision log|executive decision|decision sheet|official|freedom of information(?: act)?(?: request| response)?|police,? (?:fire )?(?:and|&) crime commissioner|part [12]|public|report|decision|please ensure all sections below are completed)$/i
const CONNECTOR_END = /(?:\band|\bof|\bfor|\bthe|\bto|\bin|&|,|-|–|\bwith|\bon)$/i

function tidy(value: string): string {
  return value.replace(/\t+/g, ' ').replace(/\s+/g, ' ').replace(/^[\s"'“]+|[\s"'”]+$/g, '').trim()
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
    if (next && !next.blank && next.cells.length === 1 && (CONNECTOR_END.test(value) || /^[a-z(]/.test(next.text) || wrapped) && !/:/.test(next.text) && next.text.length < 120) value = tidy(`${value} ${next.text}`)
    return { value, line: hit.line }
  }
  for (const line of doc.lines.slice(0, 30)) {
    if (line.blank || line.boilerplate || line.cells.length > 1 || line === officeLine) continue
    const text = tidy(line.text)
    const isHeading = /^#{1,6}\s/.test(line.raw.trim()) || /^\*\*.*\*\*$/.test(line.raw.trim()) || /<h[1-3]\b/i.test(line.raw) || (text === text.toUpperCase() && /[A-Z]{3}/.test(text))
    if (!isHeading || GENERIC.test(text) || /Crime Commissioner|\bO?PF?CC\b$/i.test(text) || /:/.test(text) || text.length < 6 || text.length > 160) continue
    return { value: text, line }
  }
  return null
}
