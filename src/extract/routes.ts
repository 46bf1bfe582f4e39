/** Procurement routes and lead commissioners named in text. */
import type { Doc, Span } from './document.ts'
import { orgAt, resolveOrg, type OrgContext } from './orgs.ts'
import type { Route } from './types.ts'

const ROUTES: Array<[Route, RegExp]> = [
  ['direct_award', /\bdirect(?:ly)?[\s-]+award(?:ed|s)?\b|\bwaiver\b|single[\s-]+tender/i],
  [
    'framework_call_off',
    /\bcall(?:ed|ing)?[\s-]+off\b|\bcall-off\b|framework\s+agreement|\bunder\s+(?:the|its|a|our)\s+[\w\s]{0,40}framework\b/i,
  ],
  [
    'open_tender',
    /\b(?:open|competitive)\s+(?:tender|procurement)|\bwas\s+tendered\b|\bcompetitively\s+tendered\b|\btender\s+process\b/i,
  ],
  [
    'grant',
    /\b(?:grant\s+agreements?|as\s+a\s+grant|grant\s+award|awarded\s+(?:a|as)\s+grants?|as\s+grants\b|(?:a|the)\s+grant\s+of|grants?\s+(?:from|to)|awards?\s+grants?|grant\s+funding\s+to|small\s+grants?\s+(?:scheme|fund|round)|grants?\s+(?:round|scheme)|grant\s+offer)\b/i,
  ],
]
const HYPOTHETICAL = /\bif\b|\bwhether\b|\?|\bnot\s+(?:placed|been|be)\b|\bwithout\b/i

export function routesIn(text: string): Route[] {
  if (HYPOTHETICAL.test(text)) return []
  return ROUTES.filter(([, pattern]) => pattern.test(text)).map(([route]) => route)
}

/** The single route the document signals, or null when it signals none or several. */
export function documentRoute(doc: Doc): Route | null {
  const found = new Set<Route>()
  for (const sentence of doc.sentences) for (const route of routesIn(sentence.text)) found.add(route)
  return found.size === 1 ? [...found][0]! : null
}

const LEAD_AFTER = /\b(?:given|paid|passed|routed|transferred|awarded|provided|made)\s+to\s+/gi
const LEAD_BEFORE =
  /\b((?:the\s+)?[A-Z][\w'&-]*(?:\s+(?:[A-Z][\w'&-]*|of|and|&)){0,6})\s*,?\s+(?:as|is|are|will\s+be|acts?\s+as|acting\s+as|who\s+(?:is|are))\s+(?:the\s+)?lead\s+commissioner/g

export interface LeadHit {
  name: string
  sentence: Span
}

/** Lead commissioners the money is routed through: "given to the County Council, as the lead commissioner". */
export function findLeads(doc: Doc, context: OrgContext): LeadHit[] {
  const hits: LeadHit[] = []
  for (const sentence of doc.sentences) {
    const text = sentence.text
    if (!/lead\s+commissioner|\bvia\b|\bthrough\b/i.test(text)) continue
    if (/lead\s+commissioner/i.test(text)) {
      LEAD_AFTER.lastIndex = 0
      for (let m = LEAD_AFTER.exec(text); m; m = LEAD_AFTER.exec(text)) {
        const name = orgAt(text.slice(m.index + m[0].length))
        const after = text.slice(m.index + m[0].length, m.index + m[0].length + (name?.length ?? 0) + 60)
        if (name && /lead\s+commissioner/i.test(after)) hits.push({ name: resolveOrg(name, context), sentence })
      }
      LEAD_BEFORE.lastIndex = 0
      for (let m = LEAD_BEFORE.exec(text); m; m = LEAD_BEFORE.exec(text)) {
        const name = orgAt(m[1]!)
        if (name && /council|authority|commissioner|trust|board|partnership/i.test(name))
          hits.push({ name: resolveOrg(name, context), sentence })
      }
    }
  }
  return hits
}

/** "awarded by the County", "called off by Nottinghamshire City Council", "via X": the body the money goes through. */
export function viaIn(text: string, context: OrgContext): string | null {
  const m =
    /\b(?:awarded|paid|commissioned|called\s+off|procured|routed|contracted|administered|passported)\s+(?:by|through|via)\s+|\bvia\s+/i.exec(
      text,
    )
  if (!m) return null
  const name = orgAt(text.slice(m.index + m[0].length))
  return name ? resolveOrg(name, context) : null
}
