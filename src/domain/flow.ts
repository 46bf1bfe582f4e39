/**
 * The flow of money from funding streams through the offices and lead commissioners to providers, as the
 * nodes and links of a Sankey diagram. Each column carries the same total.
 */
import type { Pence } from './money.ts'

export interface FlowInput {
  streamKey: string | null
  streamName: string | null
  officeKey: string
  officeName: string
  leadKey: string | null
  leadName: string | null
  recipientKey: string | null
  recipientName: string
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

export const NO_STREAM = 'Funding stream not stated'
export const NO_LEAD = 'No lead commissioner'

/** Builds the diagram's nodes and links. Providers beyond the `maxProviders` largest are one "Other providers" node. */
export function buildFlow(rows: readonly FlowInput[], maxProviders = 12): Flow {
  const providerTotals = new Map<string, { name: string; pence: Pence }>()
  for (const row of rows) {
    const key = row.recipientKey ?? `name:${row.recipientName}`
    const entry = providerTotals.get(key) ?? { name: row.recipientName, pence: 0 }
    entry.pence += row.pence
    providerTotals.set(key, entry)
  }
  const ranked = [...providerTotals.entries()].sort((a, b) => b[1].pence - a[1].pence || a[1].name.localeCompare(b[1].name))
  const shown = new Set(ranked.slice(0, maxProviders).map(([key]) => key))
  const others = ranked.length - shown.size

  const nodes = new Map<string, FlowNode>()
  const links = new Map<string, FlowLink>()
  const node = (id: string, label: string, column: number, pence: Pence) => {
    const existing = nodes.get(id)
    if (existing) existing.pence += pence
    else nodes.set(id, { id, label, column, pence })
  }
  const link = (source: string, target: string, pence: Pence) => {
    const key = `${source}\u0000${target}`
    const existing = links.get(key)
    if (existing) existing.pence += pence
    else links.set(key, { source, target, pence })
  }
  let totalPence = 0
  for (const row of rows) {
    if (row.pence <= 0) continue
    totalPence += row.pence
    const stream = `stream:${row.streamKey ?? '-'}`
    const office = `office:${row.officeKey}`
    const lead = `lead:${row.leadKey ?? '-'}`
    const recipientKey = row.recipientKey ?? `name:${row.recipientName}`
    const provider = shown.has(recipientKey) ? `provider:${recipientKey}` : 'provider:others'
    node(stream, row.streamName ?? NO_STREAM, 0, row.pence)
    node(office, row.officeName, 1, row.pence)
    node(lead, row.leadName ?? NO_LEAD, 2, row.pence)
    node(provider, shown.has(recipientKey) ? row.recipientName : `Other providers (${others})`, 3, row.pence)
    link(stream, office, row.pence)
    link(office, lead, row.pence)
    link(lead, provider, row.pence)
  }
  const sortedNodes = [...nodes.values()].sort((a, b) => a.column - b.column || b.pence - a.pence || a.label.localeCompare(b.label))
  const order = new Map(sortedNodes.map((n, i) => [n.id, i]))
  const sortedLinks = [...links.values()].sort((a, b) => order.get(a.source)! - order.get(b.source)! || order.get(a.target)! - order.get(b.target)!)
  return { nodes: sortedNodes, links: sortedLinks, totalPence }
}
