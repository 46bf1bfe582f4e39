/** Areas a service covers: "in Ashfield and Mansfield", "(Hampshire and Southampton)", "Area: Countywide". */
import { lineAt, type Doc } from './document.ts'
import type { LabelHit } from './labels.ts'
import { PLACE_NAMES, canonicalPlace } from './places.ts'
import type { Table } from './tables.ts'
import type { Source } from './types.ts'

export interface AreaHit {
  name: string
  source: Source
}

const SERVICE_VERB = /\b(?:run|runs|running|operate|operates|operating|deliver|delivers|delivered|delivering|serve|serves|serving|cover|covers|covering|provide|provides|provided|providing|provision|support|supports|supporting|available|commission|commissioned|commissioning|services?|pilot|work|works|working|outreach|awarded|funded|funding|grants?)\b/i
const PREPOSITION = /\b(?:in|across|throughout|covering|for)\s+(?:the\s+)?(?:areas?\s+of\s+|districts?\s+of\s+|boroughs?\s+of\s+)?$/i
const ORGANISATION_AFTER = /^\s*(?:County\s+Council|City\s+Council|Borough\s+Council|District\s+Council|Council|Police|Constabulary|University|Women's\s+Aid|Fire|CCG|ICB|Integrated|NHS|Hospital|College|Community\s+Safety\s+Partnership|Safeguarding|Rape\s+Crisis|Victim|Domestic|Police\s+and\s+Crime|Office|PCC|OPCC|PFCC)\b/
const WIDE = /^(?:county[\s-]?wide|force[\s-]?wide|whole\s+county|all\s+areas|pan[\s-]\w+)$/i

const PLACE_PATTERN = new RegExp(`\\b(?:${PLACE_NAMES.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'g')

function placesIn(text: string): Array<{ name: string; index: number }> {
  const found: Array<{ name: string; index: number }> = []
  PLACE_PATTERN.lastIndex = 0
  for (let m = PLACE_PATTERN.exec(text); m; m = PLACE_PATTERN.exec(text)) {
    if (ORGANISATION_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue
    found.push({ name: m[0], index: m.index })
  }
  return found
}

export function findAreas(doc: Doc, labels: LabelHit[], tables: Table[], officeArea: string | null, titleLine: number | null, tableLines: Set<number>): AreaHit[] {
  const hits: AreaHit[] = []
  const add = (name: string, line: number): void => {
    hits.push({ name, source: { line, text: doc.lines[line - 1]!.raw.trim() } })
  }
  for (const label of labels) {
    if (label.field !== 'area') continue
    for (const part of label.value.split(/\s*(?:,|;|\/|\band\b|&|\t)\s*/)) {
      const piece = part.trim()
      if (!piece) continue
      if (WIDE.test(piece)) {
        if (officeArea) add(officeArea, label.line.no)
        continue
      }
      const place = canonicalPlace(piece) ?? (/^[A-Z][\w' -]{1,40}$/.test(piece) ? piece : null)
      if (place) add(place, label.line.no)
    }
  }
  for (const table of tables) {
    const column = table.columns.find((c) => c.kind === 'area')
    if (!column) continue
    for (const row of table.rows) for (const part of (row.cells[column.index] ?? '').split(/\s*(?:,|;|\/|\band\b|&)\s*/)) {
      const place = canonicalPlace(part)
      if (place) add(place, row.line.no)
    }
  }
  if (titleLine !== null) {
    const line = doc.lines[titleLine - 1]!
    for (const m of line.text.matchAll(/\(([^)]{2,80})\)|\b(?:in|across|for)\s+([A-Z][^,.;()]{2,60})/g)) {
      for (const place of placesIn(m[1] ?? m[2] ?? '')) add(canonicalPlace(place.name) ?? place.name, line.no)
    }
  }
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s]!
    if (tableLines.has(sentence.parts[0]!.line)) continue
    const text = sentence.text
    if (!SERVICE_VERB.test(text) || !/\b(?:in|across|throughout|covering|for)\s/i.test(text)) continue
    const places = placesIn(text)
    if (!places.length) continue
    if (/\bseparate(?:ly)?\b[^.]{0,40}\b(?:decision|notice|report)/i.test(`${text} ${doc.sentences[s + 1]?.text ?? ''}`)) continue
    for (let p = 0; p < places.length; p++) {
      const place = places[p]!
      const before = text.slice(Math.max(0, place.index - 40), place.index)
      const lead = text.slice(Math.max(0, place.index - 100), place.index)
      if (!SERVICE_VERB.test(lead) || /based\s+on|modell?ed\s+on|similar\s+to|learning\s+from|evaluat|compared\s+with/i.test(lead)) continue
      const previous = places[p - 1]
      const listed = previous && /^\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?$/i.test(text.slice(previous.index + previous.name.length, place.index))
      if (PREPOSITION.test(before) || (listed && hits.some((h) => h.name === (canonicalPlace(previous.name) ?? previous.name)))) {
        add(canonicalPlace(place.name) ?? place.name, lineAt(sentence, place.index))
      }
    }
  }
  const seen = new Set<string>()
  return hits.filter((hit) => !seen.has(hit.name) && seen.add(hit.name))
}
