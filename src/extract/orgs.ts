/** Organisation names in prose: capture after "to"/"from"/"by", expand abbreviations, resolve "the County". */
import type { Doc } from './document.ts'

export interface OrgContext {
  office: string | null
  officeArea: string | null
  abbreviations: Map<string, string>
  councils: Councils
}

export interface Councils {
  county: string | null
  city: string | null
  /** The district or borough council the document names most ("the District Council"). */
  district?: string | null
  borough?: string | null
  /** The council that issues the document: its name as the page's heading ("the Council"). */
  issuer?: string | null
}

/** Words that end a complete organisation name. */
const ORG_END =
  /^(?:Services?|Ltd|Limited|CIC|C\.I\.C\.|LLP|PLC|Trust|Aid|Council|Partnership|Project|Centre|Center|Charity|Group|Association|Society|Foundation|Network|Crisis|Support|Company|Agency|Alliance|Collective|Consortium|Hub|Team)$/
const SERVICE_AFTER =
  /^(?:[A-Z][\w'-]*\s+(?:and\s+)?){0,5}(?:Support|Services?|Programme|Provision|Outreach|Intervention|Scheme)\b/
const CONNECTORS = new Set(['of', 'and', '&', 'for', 'the', 'on', 'upon', 'in', 'under'])
const STOP_WORDS = new Set([
  'The',
  'This',
  'That',
  'These',
  'It',
  'A',
  'An',
  'Subject',
  'Any',
  'All',
  'Each',
  'Every',
  'If',
  'In',
  'On',
  'For',
  'To',
  'From',
  'By',
  'As',
  'With',
  'Under',
])

/**
 * The organisation name that starts at the beginning of `text` (after an optional "the"): capitalised
 * words, with "of", "and", "&", "for" between them, hyphens and apostrophes. Null when none.
 */
export function orgAt(text: string): string | null {
  const words = text.slice(0, 200).split(/\s+/)
  const taken: string[] = []
  let i = 0
  if (/^the$/i.test(words[0] ?? '')) i++
  for (; i < words.length && taken.length < 10; i++) {
    const raw = words[i]!
    const word = raw.replace(/[,.;:)]+$/, '')
    const endsClause = word !== raw
    if (/^[A-Z0-9][\w'&.-]*$/.test(word) && !(taken.length === 0 && STOP_WORDS.has(word)) && !/^\d+$/.test(word)) {
      taken.push(word)
      if (endsClause) break
      continue
    }
    if (taken.length > 0 && CONNECTORS.has(word.toLowerCase()) && /^[A-Z]/.test(words[i + 1] ?? '') && !endsClause) {
      // "Harbour Support Services for Domestic Abuse Outreach": a complete name followed by what it is for
      if (/^(?:for|in|on|under)$/i.test(word) && ORG_END.test(taken.at(-1)!)) break
      // "Lanternway Advocacy for Stalking Advocacy Support": what follows "for" is a service, not part of the name
      if (/^for$/i.test(word) && taken.length >= 2 && SERVICE_AFTER.test(words.slice(i + 1, i + 7).join(' '))) break
      taken.push(word)
      continue
    }
    break
  }
  while (taken.length && CONNECTORS.has(taken.at(-1)!.toLowerCase())) taken.pop()
  const name = taken.join(' ').replace(/['’]s$/, (m) => (taken.length > 1 ? m : ''))
  return name.length >= 2 ? name : null
}

/** "Nottinghamshire Women's Aid (NWA)" → NWA ⇒ Nottinghamshire Women's Aid. */
export function findAbbreviations(doc: Doc): Map<string, string> {
  const map = new Map<string, string>()
  for (const paragraph of doc.paragraphs) {
    if (!paragraph.text.includes('(')) continue
    for (const m of paragraph.text.matchAll(/\(\s*(?:the\s+)?['"]?([A-Z][A-Za-z&]{1,9})['"]?\s*\)/g)) {
      const abbreviation = m[1]!
      if (map.has(abbreviation)) continue
      const before = paragraph.text
        .slice(Math.max(0, m.index - 160), m.index)
        .trim()
        .replace(/['"]$/, '')
        .split(/\s+/)
      const expansion = expansionFor(abbreviation, before)
      if (expansion) map.set(abbreviation, expansion)
    }
  }
  return map
}

function expansionFor(abbreviation: string, words: string[]): string | null {
  const letters = abbreviation.replace(/[^A-Z]/g, '')
  for (let take = 1; take <= Math.min(words.length, 12); take++) {
    const phrase = words.slice(words.length - take).map((w) => w.replace(/^['"(]+|[,'")]+$/g, ''))
    if (!/^[A-Z]/.test(phrase[0]!)) continue
    const initials = phrase
      .filter((w) => /^[A-Z]/.test(w))
      .map((w) =>
        w
          .split('-')
          .map((part) => part[0])
          .join(''),
      )
      .join('')
      .toUpperCase()
    if (initials === letters) return phrase.join(' ')
  }
  return null
}

export function findCouncils(doc: Doc): Councils {
  const count = (pattern: RegExp): string | null => {
    const tally = new Map<string, number>()
    for (const paragraph of doc.paragraphs)
      for (const m of paragraph.text.matchAll(pattern)) tally.set(m[1]!, (tally.get(m[1]!) ?? 0) + 1)
    let best: string | null = null
    for (const [name, n] of tally) if (!best || n > tally.get(best)!) best = name
    return best
  }
  const county = count(/\b((?:[A-Z][a-z'-]+\s){1,3})County Council\b/g)
  const city = count(/\b((?:[A-Z][a-z'-]+\s){1,3})City Council\b/g)
  const district = count(/\b((?:[A-Z][a-z'-]+\s){1,3})District Council\b/g)
  const borough = count(/\b((?:[A-Z][a-z'-]+\s){1,3}(?:Metropolitan\s)?)Borough Council\b/g)
  let issuer: string | null = null
  let seen = 0
  for (const line of doc.lines) {
    if (line.blank || line.boilerplate) continue
    if (++seen > 6) break
    const m =
      /^(?:the\s+)?((?:[A-Z][\w'-]*\s+(?:(?:of|and|upon|on|in)\s+(?:the\s+)?)?){1,5}(?:(?:Metropolitan\s+|County\s+)?Borough\s+|County\s+|City\s+|District\s+)?Council)$/.exec(
        line.text.trim(),
      )
    if (m && !/^(?:The|Council)\s/.test(m[1]!)) {
      issuer = m[1]!
      break
    }
  }
  return {
    county: county ? `${county.trim()} County Council` : null,
    city: city ? `${city.trim()} City Council` : null,
    district: district ? `${district.trim()} District Council` : null,
    borough: borough ? `${borough.trim()} Borough Council` : null,
    issuer,
  }
}

const OFFICE_NAMES =
  /^(?:the\s+)?(?:(?:deputy\s+)?o?pf?cc|(?:office\s+of\s+the\s+)?police,?\s+(?:fire\s+(?:and|&)\s+)?(?:and\s+|&\s+)?crime\s+commissioner(?:'s\s+office)?|commissioner|pf?cc\/deputy\s+pf?cc)$/i

/** A name as the register should hold it: abbreviations expanded, "the County" and "the PCC" resolved. */
export function resolveOrg(name: string, context: OrgContext): string {
  const trimmed = name
    .trim()
    .replace(/^the\s+/i, '')
    .replace(/['’]s$/, '')
  if (OFFICE_NAMES.test(trimmed) && context.office) return context.office
  const expanded = context.abbreviations.get(trimmed)
  if (expanded) return expanded
  if (/^county(?:\s+council)?$/i.test(trimmed))
    return context.councils.county ?? (context.officeArea ? `${context.officeArea} County Council` : trimmed)
  if (/^city(?:\s+council)?$/i.test(trimmed)) return context.councils.city ?? trimmed
  // "The District Council", "the Borough Council", "the Council": the council the document is about
  const issuer = context.councils.issuer ?? null
  if (/^district(?:\s+council)?$/i.test(trimmed))
    return context.councils.district ?? (issuer && /\bDistrict Council$/.test(issuer) ? issuer : trimmed)
  if (/^(?:metropolitan\s+)?borough(?:\s+council)?$/i.test(trimmed))
    return context.councils.borough ?? (issuer && /\bBorough Council$/.test(issuer) ? issuer : trimmed)
  if (/^council$/i.test(trimmed) && issuer) return issuer
  return trimmed
}

export function isOfficeName(name: string): boolean {
  return OFFICE_NAMES.test(name.trim())
}
