/** Areas a service covers: "in Ashfield and Mansfield", "(Hampshire and Southampton)", "Area: Countywide". */
import { lineAt, type Doc } from './document.ts'
import type { LabelHit } from './labels.ts'
import { PLACE_NAMES, POLICE_AREAS, canonicalPlace } from './places.ts'
import type { Table } from './tables.ts'
import { type AreaHit, COUNCIL_NAME, councilPlace, issuerAreas } from './council-areas.ts'

const SERVICE_VERB =
  /\b(?:help|helps|helped|helping|tackle|tackles|tackling|cut|reduce|reducing|affected|victims|survivors|residents|people|families|households|communities|councils|authorities|training|run|runs|running|operate|operates|operating|deliver|delivers|delivered|delivering|serve|serves|serving|cover|covers|covering|provide|provides|provided|providing|provision|support|supports|supporting|available|commission|commissioned|commissioning|services?|pilot|work|works|working|workers?|advisers?|advocates?|sessions?|projects?|programmes?|schemes?|outreach|award|awards|awarded|fund|funds|funded|funding|grants?)\b/i
const PREPOSITION =
  /\b(?:in|across|throughout|within|covering|covers|serving|serves|for)\s+(?:the\s+(?:whole\s+of\s+)?)?(?:areas?\s+of\s+|districts?\s+of\s+|boroughs?\s+of\s+)?$/i
const ORGANISATION_AFTER =
  /^\s*(?:County\s+Council|City\s+Council|Borough\s+Council|District\s+Council|Council|Police|Constabulary|University|Women's\s+Aid|Fire|CCG|ICB|Integrated|NHS|Hospital|College|Community\s+Safety\s+Partnership|Safeguarding|Rape\s+Crisis|Victim|Domestic|Police\s+and\s+Crime|Office|PCC|OPCC|PFCC)\b/
/** "the region for the Strategy is Cardiff and the Vale of Glamorgan": a place named as the area itself. */
const REGION_IS = /\b(?:region|area|footprint|patch)\b[^.]{0,60}\b(?:is|are|covers|comprises)\s+(?:the\s+)?$/i
/** Where a body sits, not where it serves: "offices in Kirkby", "based in Winsford". */
const LOCATED =
  /\b(?:offices?|based|located|headquartered|headquarters|HQ|premises|building)\s+(?:(?:is|are)\s+)?(?:in|at)\s+(?:the\s+)?$/i
/** Money or work of another time, told as background: "comes soon after £63,333 was secured for …". */
const BACKGROUND =
  /\b(?:comes?\s+(?:soon\s+|shortly\s+)?after|follows\s+(?:on\s+from\s+)?|previously|last\s+year|in\s+the\s+past)\b/i
/** "Hampshire and Isle of Wight" is a police area of two places: the register keeps each. */
function splitCompound(name: string): string[] {
  if (!POLICE_AREAS.includes(name) || !/\sand\s/.test(name)) return [name]
  const parts = name.split(/\s+and\s+/).map((part) => canonicalPlace(part))
  return parts.every((part): part is string => part !== null) ? parts : [name]
}

/** Too wide to be a service's area: a nation. */
const NATIONAL = ['Wales', 'England', 'United Kingdom', 'Great Britain']
/** A police office's own name: "Commissioner for Dorset", "Norfolk Police and Crime Commissioner". */
const OFFICE_BEFORE = /\b(?:Commissioner|O?PF?CC)\s+for\s+(?:the\s+)?$/
const OFFICE_AFTER =
  /^\s*(?:Police,?\s+(?:Fire\s+(?:and|&)\s+)?(?:and\s+)?Crime\s+Commissioner|O?PF?CC|Commissioner|Police\b|Constabulary)/
const WIDE = /^(?:county[\s-]?wide|force[\s-]?wide|whole\s+county|all\s+areas|pan[\s-]\w+)$/i

const PLACE_PATTERN = new RegExp(
  `\\b(?:${PLACE_NAMES.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`,
  'g',
)

function placesIn(text: string): Array<{ name: string; index: number }> {
  const found: Array<{ name: string; index: number }> = []
  PLACE_PATTERN.lastIndex = 0
  for (let m = PLACE_PATTERN.exec(text); m; m = PLACE_PATTERN.exec(text)) {
    if (ORGANISATION_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue
    found.push({ name: m[0], index: m.index })
  }
  return found
}

/**
 * Places served. A police office serves its own force area (the corpus README's convention: "force
 * or county area"), so that area is served unless the document confines the service to places it
 * names as where the service runs ("will operate in Ashfield and Mansfield", an Area label or column).
 */
export function findAreas(
  doc: Doc,
  labels: LabelHit[],
  tables: Table[],
  officeArea: string | null,
  titleLine: number | null,
  tableLines: Set<number>,
  recipients: string[] = [],
  officeLine: number | null = null,
): AreaHit[] {
  const areas = new AreaList(doc)
  areasFromLabels(labels, officeArea, areas)
  areasFromTables(tables, areas)
  if (titleLine !== null) areasFromTitle(doc.lines[titleLine - 1]!, areas)
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s]!
    if (tableLines.has(sentence.parts[0]!.line)) continue
    areasFromSentence(doc, sentence, doc.sentences[s + 1]?.text ?? '', areas)
  }
  const hits = areas.hits
  for (const recipient of recipients) {
    const place = councilPlace(recipient)
    if (place) hits.push({ name: place, source: hits[0]?.source ?? { line: 1, text: doc.lines[0]?.raw.trim() ?? '' } })
  }
  hits.push(...issuerAreas(doc))
  if (officeArea && officeLine !== null && !areas.confined && canonicalPlace(officeArea)) {
    hits.unshift({
      name: canonicalPlace(officeArea)!,
      source: { line: officeLine, text: doc.lines[officeLine - 1]!.raw.trim() },
    })
  }
  if (!hits.length) {
    const fallback = mostNamedPlace(doc)
    if (fallback) hits.push(fallback)
  }
  const seen = new Set<string>(NATIONAL)
  return hits
    .flatMap((hit) => splitCompound(hit.name).map((name) => ({ ...hit, name })))
    .filter((hit) => !seen.has(hit.name) && seen.add(hit.name))
}

/** The places found so far, and whether one was named as where the service runs. */
class AreaList {
  readonly hits: AreaHit[] = []
  /** A place named as where the service runs: it confines the service to it. */
  confined = false

  constructor(private readonly doc: Doc) {}

  add(name: string, line: number, confines = true): void {
    if (confines) this.confined = true
    this.hits.push({ name, source: { line, text: this.doc.lines[line - 1]!.raw.trim() } })
  }
}

type Sentence = Doc['sentences'][number]

/** Places given against an Area label; "countywide" and the like stand for the office's own area. */
function areasFromLabels(labels: LabelHit[], officeArea: string | null, areas: AreaList): void {
  for (const label of labels) {
    if (label.field !== 'area') continue
    for (const part of label.value.split(/\s*(?:,|;|\/|\band\b|&|\t)\s*/)) {
      const piece = part.trim()
      if (!piece) continue
      if (WIDE.test(piece)) {
        if (officeArea) areas.add(officeArea, label.line.no)
        continue
      }
      const place = canonicalPlace(piece) ?? (/^[A-Z][\w' -]{1,40}$/.test(piece) ? piece : null)
      if (place) areas.add(place, label.line.no)
    }
  }
}

/** Places in a table's Area column. */
function areasFromTables(tables: Table[], areas: AreaList): void {
  for (const table of tables) {
    const column = table.columns.find((c) => c.kind === 'area')
    if (!column) continue
    for (const row of table.rows)
      for (const part of (row.cells[column.index] ?? '').split(/\s*(?:,|;|\/|\band\b|&)\s*/)) {
        const place = canonicalPlace(part)
        if (place) areas.add(place, row.line.no)
      }
  }
}

/** A title that opens with the place its service is for, or names places in brackets or after "in", "across", "for". */
function areasFromTitle(line: Doc['lines'][number], areas: AreaList): void {
  // "Cheshire East Domestic Abuse Service": a title that opens with the place the service is for
  const opening = line.text.replace(/^\d{1,3}\s+/, '')
  const leadPlace = placesIn(opening).concat(
    PLACE_NAMES.filter((name) => opening.startsWith(`${name} `)).map((name) => ({ name, index: 0 })),
  )[0]
  if (
    leadPlace?.index === 0 &&
    /^\s+(?:[A-Z][\w'-]*\s+){0,4}(?:Services?|Strategy|Partnership)\b/.test(opening.slice(leadPlace.name.length))
  )
    areas.add(canonicalPlace(leadPlace.name) ?? leadPlace.name, line.no)
  for (const m of line.text.matchAll(/\(([^)]{2,80})\)|\b(?:in|across|for)\s+([A-Z][^,.;()]{2,60})/g)) {
    for (const place of placesIn(m[1] ?? m[2] ?? '')) areas.add(canonicalPlace(place.name) ?? place.name, line.no)
  }
}

/** Places one sentence of prose says the service covers (partner councils and bulleted places among them). */
function areasFromSentence(doc: Doc, sentence: Sentence, nextText: string, areas: AreaList): void {
  const text = sentence.text
  if (BACKGROUND.test(text)) return
  partnerCouncils(text).forEach((place) => areas.add(place, sentence.parts[0]!.line, false))
  const places = placesIn(text)
  if (!places.length) return
  for (const m of text.matchAll(/\(([A-Z][^()]{1,40})\)/g)) {
    const place = canonicalPlace(m[1]!)
    if (place && /^\s*(?:[-•▪●◦*]|\d{1,2}[.)]|\(?[a-z]\))\s/.test(doc.lines[lineAt(sentence, m.index) - 1]!.raw))
      areas.add(place, lineAt(sentence, m.index), false)
  }
  if (!SERVICE_VERB.test(text) && !/\b(?:region|area)\b/i.test(text)) return
  if (!/\b(?:in|across|throughout|within|covering|covers|serving|serves|for|is|are)\s/i.test(text)) return
  if (/\bseparate(?:ly)?\b[^.]{0,40}\b(?:decision|notice|report)/i.test(`${text} ${nextText}`)) return
  for (let p = 0; p < places.length; p++) {
    if (servesPlace(text, places, p, areas)) {
      const place = places[p]!
      areas.add(canonicalPlace(place.name) ?? place.name, lineAt(sentence, place.index))
    }
  }
}

/**
 * Whether the sentence names its p-th place as where the service runs: the region it is, a place after a
 * preposition in words about the service, or one listed after a place already taken.
 */
function servesPlace(
  text: string,
  places: Array<{ name: string; index: number }>,
  p: number,
  areas: AreaList,
): boolean {
  const place = places[p]!
  const before = text.slice(Math.max(0, place.index - 40), place.index)
  const lead = text.slice(Math.max(0, place.index - 100), place.index)
  if (LOCATED.test(before) || (place.name === 'Wales' && /England\s+and\s+$/.test(before))) return false
  const previous = places[p - 1]
  const listed =
    previous &&
    /^\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?$/i.test(text.slice(previous.index + previous.name.length, place.index))
  const afterListed = listed && areas.hits.some((h) => h.name === (canonicalPlace(previous.name) ?? previous.name))
  if (
    REGION_IS.test(before) ||
    (afterListed && REGION_IS.test(text.slice(Math.max(0, previous.index - 60), previous.index)))
  )
    return true
  if (
    (!afterListed && !SERVICE_VERB.test(lead)) ||
    /based\s+on|modell?ed\s+on|similar\s+to|learning\s+from|evaluat|compared\s+with/i.test(lead)
  )
    return false
  return PREPOSITION.test(before) || Boolean(afterListed)
}

/** "The partners in the bid are: A Council; B Council and C Council": three or more partner councils each serve their area. */
function partnerCouncils(text: string): string[] {
  if (!/\bpartners?\b|\bpartnership\b|\bconsortium\b/i.test(text)) return []
  const places: string[] = []
  COUNCIL_NAME.lastIndex = 0
  for (let m = COUNCIL_NAME.exec(text); m; m = COUNCIL_NAME.exec(text)) {
    const place = councilPlace(m[1]!)
    if (place && !places.includes(place)) places.push(place)
  }
  return places.length >= 3 ? places : []
}

/** "Connect Gwent", "Norfolk and Suffolk Victim Care", "Public Health Devon": a place inside another body's name (a council's own name is not). */
function embeddedInName(text: string, index: number, length: number): boolean {
  const before = text.slice(Math.max(0, index - 40), index)
  const after = text.slice(index + length, index + length + 60)
  if (/^\s+(?:(?:Metropolitan\s+|County\s+)?Borough|County|City|District)?\s*Council\b|^['’]s\b/.test(after))
    return false
  if (
    /[A-Z][\w'-]*\s+(?:(?:and|&|of)\s+)?$/.test(before) &&
    !/(?:^|[.:;]\s*)(?:The|In|For|Across|Throughout)\s+$/.test(before)
  )
    return true
  return /^\s+(?:(?:and|&|of)\s+)?[A-Z]/.test(after)
}

/** With nothing else to go on, the place the document names most (first named on a tie), not where a body is based. */
function mostNamedPlace(doc: Doc): AreaHit | null {
  const tally = new Map<string, { count: number; line: number }>()
  for (const sentence of doc.sentences) {
    if (BACKGROUND.test(sentence.text)) continue
    PLACE_PATTERN.lastIndex = 0
    for (let m = PLACE_PATTERN.exec(sentence.text); m; m = PLACE_PATTERN.exec(sentence.text)) {
      if (
        (LOCATED.test(sentence.text.slice(Math.max(0, m.index - 40), m.index)) &&
          !/^['’]s\b/.test(sentence.text.slice(m.index + m[0].length))) ||
        /\b(?:led|run|managed)\s+by\s+(?:the\s+)?$/i.test(sentence.text.slice(Math.max(0, m.index - 30), m.index))
      )
        continue
      if (
        embeddedInName(sentence.text, m.index, m[0].length) ||
        NATIONAL.includes(m[0]) ||
        OFFICE_AFTER.test(sentence.text.slice(m.index + m[0].length, m.index + m[0].length + 40)) ||
        OFFICE_BEFORE.test(sentence.text.slice(Math.max(0, m.index - 60), m.index))
      )
        continue
      const name = canonicalPlace(m[0]) ?? m[0]
      const entry = tally.get(name)
      if (entry) entry.count++
      else tally.set(name, { count: 1, line: lineAt(sentence, m.index) })
    }
  }
  let best: [string, { count: number; line: number }] | null = null
  for (const item of tally) if (!best || item[1].count > best[1].count) best = item
  return best ? { name: best[0], source: { line: best[1].line, text: doc.lines[best[1].line - 1]!.raw.trim() } } : null
}
