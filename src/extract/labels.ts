/** Label-and-value headers: "Ref*: 2021.021", "REF:* (to be inserted by the OPCC)	2024.006", "Title of report: …". */
import type { Doc, Line } from './document.ts'

export type LabelField =
  | 'reference'
  | 'title'
  | 'date_received'
  | 'report_date'
  | 'decision_date'
  | 'date'
  | 'area'
  | 'funding'
  | 'total'
  | 'recipient'
  | 'period'
  | 'start'
  | 'end'
  | 'extension'
  | 'route'
  | 'lead'
  | 'author'
  | 'kind'

export interface LabelHit {
  field: LabelField
  label: string
  value: string
  line: Line
}

const FIELDS: Array<[LabelField, RegExp]> = [
  [
    'reference',
    /^(?:(?:report|decision|record|foi|request|our|case|paper|notice)\s+)?(?:ref(?:erence)?|ref\.)(?:\s*(?:number|no\.?|#))?$|^(?:decision|record|report|foi|request|notice|paper)\s+(?:no\.?|number)$|^record\s+of\s+decision\s+(?:no\.?|number)$/,
  ],
  [
    'title',
    /^(?:title|decision\s+title|decision\s+notice|notice\s+of\s+decision|record\s+of\s+decision|report\s+title|title\s+of\s+(?:the\s+)?(?:report|decision|paper|notice|project)|subject|re|name\s+of\s+(?:decision|project|scheme|service)|project(?:\s+name)?|scheme|service(?:\s+name)?)$/,
  ],
  ['date_received', /^(?:date\s+(?:request\s+)?received|received(?:\s+on)?|date\s+of\s+request)$/],
  ['report_date', /^(?:date\s+of\s+(?:the\s+)?(?:report|paper|meeting)|report\s+date|meeting\s+date)$/],
  [
    'decision_date',
    /^(?:date\s+of\s+(?:the\s+)?decision|decision\s+date|date\s+decision\s+(?:made|taken|approved|signed)|date\s+(?:approved|of\s+approval)|approval\s+date|date\s+of\s+response|response\s+date)$/,
  ],
  ['date', /^(?:date|dated|dated\s+this|date\s+signed|signed\s+date|signed\s+on)$/],
  [
    'area',
    /^(?:areas?|area\s+(?:of\s+county|covered|served|affected)|areas?\s+(?:covered|served|affected)|area\s+of\s+county\s*\/\s*stakeholders\s+affected|locations?|geographical\s+(?:area|coverage)|locality|wards?|districts?|coverage)$/,
  ],
  [
    'funding',
    /^(?:funding\s+(?:source|stream)s?|source\s+of\s+funding|sources?\s+of\s+funds?|budget\s+line|fund(?:ing)?|funded\s+(?:from|by))$/,
  ],
  [
    'total',
    /^(?:total(?:\s+(?:cost|value|amount|funding|award|budget|sum))?|amount(?:\s+(?:awarded|approved|agreed))?|value(?:\s+of\s+(?:the\s+)?(?:contract|award|decision|grant))?|grant\s+(?:amount|value)|contract\s+value|cost|financial\s+value|sum|budget|total\s+budget)$/,
  ],
  [
    'recipient',
    /^(?:recipients?|providers?|organisations?|supplier|grantee|awarded\s+to|funded\s+organisation|recipient\s+organisation)$/,
  ],
  [
    'period',
    /^(?:period|contract\s+period|term|duration|contract\s+(?:term|duration)|funding\s+period|service\s+period|grant\s+period)$/,
  ],
  ['start', /^(?:start(?:\s+date)?|contract\s+start(?:\s+date)?|commencement(?:\s+date)?|service\s+start)$/],
  ['end', /^(?:end(?:\s+date)?|contract\s+end(?:\s+date)?|expiry(?:\s+date)?|service\s+end|contract\s+expiry)$/],
  ['extension', /^(?:extension(?:\s+options?)?|options?\s+to\s+extend|extension\s+period)$/],
  ['route', /^(?:procurement\s+(?:route|method|process)|route|award\s+route|method\s+of\s+award)$/],
  ['lead', /^(?:lead\s+(?:commissioner|authority|partner)|paid\s+(?:via|through)|routed\s+through)$/],
  ['author', /^(?:author|report\s+by|report\s+of|contact|enquiries\s+to|lead\s+officer|officer)$/],
  [
    'kind',
    /^(?:for\s+decision\s+or\s+information|decision\s+or\s+information|type\s+of\s+(?:decision|report)|decision\s+type)$/,
  ],
]

function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/\*/g, '')
    .replace(/\([^)]{0,60}\)/g, '')
    .replace(/[^a-z0-9/#. ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/[ .]+$/, '')
    .trim()
}

export function labelField(label: string): LabelField | null {
  const key = normaliseLabel(label)
  if (!key || key.length > 60) return null
  for (const [field, pattern] of FIELDS) if (pattern.test(key)) return field
  return null
}

function cleanValue(value: string): string {
  return value
    .replace(/^[\s*:]+/, '')
    .replace(/^\((?:to be |inserted|for office)[^)]{0,80}\)\s*/i, '')
    .trim()
}

const COLON_LABEL = /^([A-Za-z][A-Za-z0-9 ()/&'.,#-]{0,70}?)\s*\*?\s*:(?!\/\/)\s*\*?\s*(.*)$/
const INLINE_LABEL = /(?:^|\s)((?:[A-Z][a-z]*|[a-z]+)(?:\s+(?:[A-Za-z]+|\/)){0,4})\s*:\s/g

/** Every label-and-value pair on one line (several labels may share a line). */
export function labelsOnLine(line: Line): LabelHit[] {
  if (line.blank) return []
  const hits: LabelHit[] = []
  const first = line.cells[0] ?? ''
  const colon = COLON_LABEL.exec(first)
  if (colon) {
    const field = labelField(colon[1]!)
    const rest = [colon[2]!, ...line.cells.slice(1)].filter((cell, i) => i === 0 || cell !== '').join('\t')
    if (field) hits.push(...splitInline(field, colon[1]!, rest, line))
    return hits
  }
  if (line.cells.length > 1) {
    const field = labelField(first)
    if (field)
      hits.push({ field, label: first, value: cleanValue(line.cells.slice(1).filter(Boolean).join('\t')), line })
    return hits
  }
  const spaced = /^(ref(?:erence)?|our\s+ref(?:erence)?|date|dated(?:\s+this)?)\s+(\S.{0,60})$/i.exec(first)
  if (spaced) hits.push({ field: labelField(spaced[1]!)!, label: spaced[1]!, value: spaced[2]!.trim(), line })
  return hits
}

function splitInline(field: LabelField, label: string, rest: string, line: Line): LabelHit[] {
  const hits: LabelHit[] = []
  let currentField = field
  let currentLabel = label
  let from = 0
  INLINE_LABEL.lastIndex = 0
  for (let match = INLINE_LABEL.exec(rest); match; match = INLINE_LABEL.exec(rest)) {
    const words = match[1]!.split(/\s+/)
    for (let take = Math.min(words.length, 5); take >= 1; take--) {
      const candidate = words.slice(words.length - take).join(' ')
      const next = labelField(candidate)
      if (!next) continue
      const groupEnd = match.index + match[0].indexOf(match[1]!) + match[1]!.length
      hits.push({
        field: currentField,
        label: currentLabel,
        value: cleanValue(rest.slice(from, groupEnd - candidate.length)),
        line,
      })
      currentField = next
      currentLabel = candidate
      from = match.index + match[0].length
      break
    }
  }
  hits.push({ field: currentField, label: currentLabel, value: cleanValue(rest.slice(from)), line })
  return hits
}

/** All labels in the document, in order. A label with nothing after it takes the next non-blank line. */
export function readLabels(doc: Doc): LabelHit[] {
  const hits: LabelHit[] = []
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i]!
    for (const hit of labelsOnLine(line)) {
      if (
        hit.value === '' &&
        (hit.field === 'date' || hit.field === 'decision_date' || hit.field === 'title' || hit.field === 'reference')
      ) {
        const next = nextContent(doc, i, 4)
        if (next && labelsOnLine(next).length === 0) hits.push({ ...hit, value: next.text, line: next })
        else hits.push(hit)
      } else {
        hits.push(hit)
      }
    }
  }
  return hits
}

function nextContent(doc: Doc, index: number, within: number): Line | null {
  for (let j = index + 1; j < doc.lines.length && j <= index + within; j++) {
    const candidate = doc.lines[j]!
    if (!candidate.blank && !candidate.boilerplate) return candidate
  }
  return null
}
