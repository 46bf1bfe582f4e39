/** Funding sources named in the document: "Community Safety Grant", "Safer Communities Fund", "Ministry of Justice funding". */
import { lineAt, type Doc } from './document.ts'
import type { LabelHit } from './labels.ts'
import type { Table } from './tables.ts'
import type { Source } from './types.ts'

export interface FundingHit {
  name: string
  source: Source
}

const KEYWORD = /\b(?:grants?|funds?|funding)\b/gi
const NAME_WORD = /^(?:[A-Z][\w'’&.-]*|[A-Z]{2,}|of|and|&|for|the|on|in)$/
const ONLY_OFFICE =
  /^(?:(?:the\s+)?(?:o?pf?cc|pf?cc's|police|crime|commissioner|commissioner's|council|county|city|office|deputy|and|&|fire|the|local|authority|authorities|partner|partners|this|our|their|its|any|all|home)\s*)+$/i
const CONNECTOR = /^(?:of|and|&|for|the|on|in)$/i
const GENERIC =
  /^(?:[\w]+-year|multi-?year|revenue|capital|match|core|one-off|recurring|additional|total|annual|existing|new|partner|partnership|government|central|external|internal|extra|further|current|future|project|service|services|commissioning|victims?|the|of|and|&|for|on|in)$/i
const COMMON_NOUN =
  /^(?:Allocation|Allocations|Use|Review|Balance|Part|Purpose|Management|Administration|Distribution|Spend|Spending|Remainder|Rest|Terms|Conditions|Round|Recipients?|Bids?|Award|Awards)$/
const LEADING =
  /^(?:Both|Either|Neither|Commissioner's|PCC's|PFCC's|OPCC's|Council's|Force's|The|This|That|These|A|An|Our|Their|Its|Any|Each|All|Subject|If|When|Where|Whether|Although|While|As|With|Without|From|By|Under|Through|Using|Via|New|Existing|Additional|Further|Annual|Total)$/

function nameBefore(text: string, keywordStart: number): string | null {
  const words = text
    .slice(Math.max(0, keywordStart - 120), keywordStart)
    .trimEnd()
    .split(/\s+/)
  const taken: string[] = []
  for (let i = words.length - 1; i >= 0 && taken.length < 8; i--) {
    const word = words[i]!.replace(/^[("'“]+/, '')
    if (!word || /[,.;:)]$/.test(word) || !NAME_WORD.test(word)) break
    if (
      /^[A-Z]/.test(word) &&
      i > 0 &&
      /[.!?:]$/.test(words[i - 1]!) &&
      taken.length === 0 &&
      /^(?:The|This|Our|Their)$/.test(word)
    )
      break
    taken.unshift(word)
  }
  const ofThe = taken.findIndex((word, k) => word === 'of' && k > 0 && COMMON_NOUN.test(taken[k - 1]!))
  if (ofThe > 0) taken.splice(0, ofThe + 1)
  while (taken.length && (CONNECTOR.test(taken[0]!) || LEADING.test(taken[0]!))) taken.shift()
  if (!taken.length) return null
  const name = taken.join(' ')
  return ONLY_OFFICE.test(name) || taken.every((word) => GENERIC.test(word)) ? null : name
}

export function findFundingSources(
  doc: Doc,
  labels: LabelHit[],
  tables: Table[],
  tableLines: Set<number>,
): FundingHit[] {
  const hits: FundingHit[] = []
  const add = (name: string, line: number): void => {
    const cleaned = name
      .replace(/\s+/g, ' ')
      .replace(/[.,;:]+$/, '')
      .trim()
    if (cleaned.length < 3) return
    hits.push({ name: cleaned, source: { line, text: doc.lines[line - 1]!.raw.trim() } })
  }
  for (const label of labels)
    if (label.field === 'funding' && label.value)
      for (const part of label.value.split(/\t|;|\band\b(?=\s+(?:the\s+)?[A-Z])/)) add(part, label.line.no)
  for (const table of tables) {
    const column = table.columns.find((c) => c.kind === 'funding')
    if (column) for (const row of table.rows) if (row.cells[column.index]) add(row.cells[column.index]!, row.line.no)
  }
  for (const sentence of doc.sentences) {
    if (tableLines.has(sentence.parts[0]!.line) || !/grant|fund/i.test(sentence.text)) continue
    KEYWORD.lastIndex = 0
    for (let m = KEYWORD.exec(sentence.text); m; m = KEYWORD.exec(sentence.text)) {
      const next = sentence.text.slice(m.index + m[0].length).match(/^\s+(\S+)/)?.[1] ?? ''
      if (/^[A-Z][a-z]/.test(next) && !/^(?:The|This|It|In|For|To)$/.test(next)) continue
      const name = nameBefore(sentence.text, m.index)
      if (!name) continue
      add(`${name} ${m[0]}`, lineAt(sentence, m.index))
    }
  }
  return dedupeFunding(hits)
}

function dedupeFunding(hits: FundingHit[]): FundingHit[] {
  const byKey = new Map<string, FundingHit>()
  for (const hit of hits) {
    const key = hit.name
      .toLowerCase()
      .replace(/\bfunding$/, 'fund')
      .replace(/s$/, '')
    const existing = byKey.get(key)
    if (!existing) byKey.set(key, hit)
    else if (/fund$/i.test(hit.name) && /funding$/i.test(existing.name))
      byKey.set(key, { ...hit, source: existing.source })
  }
  const names = [...byKey.values()]
  return names.filter(
    (hit) =>
      !names.some(
        (other) =>
          other !== hit &&
          other.name.length > hit.name.length &&
          other.name.toLowerCase().startsWith(`${hit.name.toLowerCase()} `) &&
          /\bgrant$/i.test(other.name),
      ),
  )
}
