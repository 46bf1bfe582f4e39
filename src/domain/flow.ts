/**
 * The flow of money from funding streams through the offices and lead commissioners to providers, as the
 * nodes and links of a Sankey diagram. Each column carries the same total.
 */
import type { Pence } from './money.ts'

/** One aggregated link between neighbouring columns: 0 stream → office, 1 office → lead, 2 lead → provider. */
export interface FlowLinkInput {
  stage: 0 | 1 | 2
  /** '0' stands for no funding stream (stage 0) or no lead commissioner (stages 1 and 2). */
  sourceKey: string
  sourceName: string | null
  targetKey: string
  targetName: string | null
  pence: Pence
}

export const FLOW_COLUMNS = ['Funding stream', 'Office', 'Lead commissioner', 'Provider'] as const

export interface FlowNode {
  id: string
  label: string
  column: number
  pence: Pence
}

export interface FlowLink {
  source: string
  target: string
  pence: Pence
}

export interface Flow {
  nodes: FlowNode[]
  links: FlowLink[]
  totalPence: Pence
}

export const NO_STREAM = 'Funding stream not recorded'
export const NO_LEAD = 'Lead commissioner not recorded'

const COLUMN_PREFIX = ['stream', 'office', 'lead', 'provider'] as const

/** Builds the diagram. Providers beyond the `maxProviders` largest are one "Other providers" node. */
export function buildFlow(input: readonly FlowLinkInput[], maxProviders = 12): Flow {
  const providerTotals = new Map<string, { name: string; pence: Pence }>()
  for (const link of input) {
    if (link.stage !== 2 || link.pence <= 0) continue
    const entry = providerTotals.get(link.targetKey) ?? { name: link.targetName ?? link.targetKey, pence: 0 }
    entry.pence += link.pence
    providerTotals.set(link.targetKey, entry)
  }
  const ranked = [...providerTotals.entries()].sort(
    (a, b) => b[1].pence - a[1].pence || a[1].name.localeCompare(b[1].name),
  )
  const shown = new Set(ranked.slice(0, maxProviders).map(([key]) => key))
  const others = ranked.length - shown.size

  const nodes = new Map<string, FlowNode>()
  const links = new Map<string, FlowLink>()
  const node = (column: number, key: string, name: string | null, pence: Pence, countIn: boolean): string => {
    const id = `${COLUMN_PREFIX[column]}:${key}`
    const label = name ?? (column === 0 ? NO_STREAM : column === 2 ? NO_LEAD : key)
    const existing = nodes.get(id)
    if (!existing) nodes.set(id, { id, label, column, pence: countIn ? pence : 0 })
    else if (countIn) existing.pence += pence
    return id
  }
  let totalPence = 0
  for (const link of input) {
    if (link.pence <= 0) continue
    const targetColumn = link.stage + 1
    const providerShown = targetColumn !== 3 || shown.has(link.targetKey)
    const targetKey = providerShown ? link.targetKey : 'others'
    const targetName = providerShown ? link.targetName : `Other providers (${others})`
    // Each node's amount is what flows into it; streams, which nothing flows into, count what flows out.
    const source = node(link.stage, link.sourceKey, link.sourceName, link.pence, link.stage === 0)
    const target = node(targetColumn, targetKey, targetName, link.pence, true)
    if (link.stage === 0) totalPence += link.pence
    const key = `${source}\u0000${target}`
    const existing = links.get(key)
    if (existing) existing.pence += link.pence
    else links.set(key, { source, target, pence: link.pence })
  }
  const sortedNodes = [...nodes.values()].sort(
    (a, b) => a.column - b.column || b.pence - a.pence || a.label.localeCompare(b.label),
  )
  const order = new Map(sortedNodes.map((n, i) => [n.id, i]))
  const sortedLinks = [...links.values()].sort(
    (a, b) => order.get(a.source)! - order.get(b.source)! || order.get(a.target)! - order.get(b.target)!,
  )
  return { nodes: sortedNodes, links: sortedLinks, totalPence }
}
