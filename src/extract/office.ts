/** The publishing office: "Nottinghamshire PCC", "Essex PFCC". */
import type { Doc, Line } from './document.ts'
import { PLACE_ALIASES, POLICE_AREAS } from './places.ts'

export interface OfficeHit {
  name: string
  area: string
  line: Line
}

const ROLE =
  /(?:Office\s+of\s+the\s+)?Police,?\s+(Fire\s+(?:and|&)\s+)?(?:and\s+|&\s+)?Crime\s+Commissioner(?:'s\s+Office)?/
const BEFORE_ROLE = new RegExp(
  String.raw`((?:[A-Z][A-Za-z'-]+\s+(?:and\s+|&\s+)?){1,4})(?:\s*Office\s+of\s+the\s+|\s*)(?:${ROLE.source}|Commissioner\s+for\s+Police,?\s+(Fire(?:\s+and\s+Rescue)?\s+)?(?:and\s+)?Crime)`,
  'g',
)
const FOR_AREA =
  /\b(?:(?:Deputy\s+)?Police,?\s+(Fire\s+(?:and|&)\s+)?(?:and\s+|&\s+)?Crime\s+Commissioner|(O?P(F)?CC))\s+for\s+((?:[A-Z][A-Za-z'-]+)(?:\s+(?:and|&)\s+[A-Z][A-Za-z'-]+|\s+[A-Z][A-Za-z'-]+){0,3})/g
const DOMAIN =
  /(?:^|[@.])([a-z]+(?:-[a-z]+)*)\.(?:pnn\.)?police\.uk$|(?:^|[@.])(?:o?pf?cc-?)?([a-z]+)-?o?pf?cc\.(?:gov|org)\.uk$/i
const NOT_AREA = new Set([
  'The',
  'Deputy',
  'Acting',
  'Assistant',
  'Office',
  'Our',
  'Your',
  'This',
  'That',
  'Each',
  'Every',
  'Local',
  'A',
  'An',
  'Former',
  'New',
  'Elected',
  'Signature',
  'Approved',
  'By',
  'To',
  'From',
  'For',
  'Of',
  'And',
  "Nottinghamshire's",
])

function trimArea(words: string): string | null {
  const parts = words.trim().split(/\s+/)
  while (parts.length && NOT_AREA.has(parts[0]!)) parts.shift()
  while (parts.length && /^(?:and|&|of|the)$/i.test(parts.at(-1)!)) parts.pop()
  if (!parts.length || parts.some((part) => NOT_AREA.has(part))) return null
  const area = parts.join(' ')
  return /^(?:County|City|District|Borough|Council|Police|Force|Partnership)$/.test(area) ? null : area
}

function title(fire: boolean): string {
  return fire ? 'PFCC' : 'PCC'
}

/** Each area a document names as an office's, with its weight of mentions, where first named and whether with "Fire". */
type Votes = Map<string, { count: number; first: number; line: Line; fire: boolean }>

export function findOffice(doc: Doc): OfficeHit | null {
  const votes: Votes = new Map()
  let usesFire = false
  for (const line of doc.lines) {
    if (line.blank) continue
    const text = line.cells.join(' ')
    if (/\bP(?:F|F&)CC\b|Police,?\s+Fire\s+(?:and|&)\s+Crime/.test(text)) usesFire = true
    voteByRole(votes, line, text)
    voteByDomain(votes, line, text)
  }
  const mayor = mayorsOffice(doc, votes)
  if (mayor) return mayor
  let best: { area: string; count: number; first: number; line: Line; fire: boolean } | null = null
  for (const [area, entry] of votes) {
    const known = POLICE_AREAS.includes(area) ? 0.5 : 0
    if (!best || entry.count + known > best.count || (entry.count + known === best.count && entry.first < best.first))
      best = { area, ...entry, count: entry.count + known }
  }
  if (!best) return null
  return { name: `${best.area} ${title(best.fire || usesFire)}`, area: best.area, line: best.line }
}

function vote(votes: Votes, area: string, line: Line, weight: number, fire: boolean): void {
  const existing = votes.get(area)
  if (existing) {
    existing.count += weight
    existing.fire ||= fire
  } else {
    votes.set(area, { count: weight, first: line.no, line, fire })
  }
}

/** "Nottinghamshire Police and Crime Commissioner", "Commissioner for Dorset": two votes each. */
function voteByRole(votes: Votes, line: Line, text: string): void {
  if (/Commissioner/.test(text)) {
    BEFORE_ROLE.lastIndex = 0
    for (let m = BEFORE_ROLE.exec(text); m; m = BEFORE_ROLE.exec(text)) {
      const area = trimArea(m[1]!)
      if (area) vote(votes, area, line, 2, Boolean(m[2] ?? m[3]))
    }
  }
  if (/\bfor\s+[A-Z]/.test(text)) {
    FOR_AREA.lastIndex = 0
    for (let m = FOR_AREA.exec(text); m; m = FOR_AREA.exec(text)) {
      const area = trimArea(m[4]!)
      if (area) vote(votes, area, line, 2, Boolean(m[1] ?? m[3]))
    }
  }
}

/** An office's web address ("www.nottinghamshire.pcc.police.uk"): one vote for its area. */
function voteByDomain(votes: Votes, line: Line, text: string): void {
  if (!/police\.uk|\.gov\.uk|\.org\.uk/i.test(text)) return
  for (const token of text.split(/[\s<>()"',;]+/)) {
    if (token.length > 120 || !/\.uk$/i.test(token.replace(/[./]+$/, ''))) continue
    const host = token
      .replace(/^[a-z]+:\/\//i, '')
      .replace(/[/?#].*$/, '')
      .replace(/[.]+$/, '')
    const m = DOMAIN.exec(host)
    const key = (m?.[1] ?? m?.[2] ?? '').toLowerCase().replace(/-/g, '')
    const area = PLACE_ALIASES[key]
    if (area) vote(votes, area, line, 1, false)
  }
}

/** A mayor's policing office named near the top ("Mayor's Office for Policing"), for an area no commissioner was named for. */
function mayorsOffice(doc: Doc, votes: Votes): OfficeHit | null {
  for (const line of doc.lines.slice(0, 60)) {
    const mayor =
      /\b((?:[A-Z][A-Za-z'-]+\s+){1,3})Mayor(?:'s\s+Office\s+for\s+Policing|\s+for\s+Policing|\s+and\s+Combined\s+Authority|'s\s+Office)/.exec(
        line.text,
      )
    if (mayor) {
      const area = trimArea(mayor[1]!)
      if (area && !votes.has(area)) return { name: `${area} Mayor`, area, line }
    }
  }
  return null
}
