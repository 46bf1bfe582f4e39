/**
 * The flow of money in one financial year, as the nodes and links of a Sankey diagram: from where the money
 * comes from (funding streams, through the awards, and partners, through their contributions) to the lead
 * commissioners that hold the contracts, and on to the providers. Each column carries the same total.
 */
import type { Pence } from './money.ts'

/** One amount of the year on its way: where it comes from, who commissions with it, who provides the service. */
export interface FlowItem {
  originKind: 'stream' | 'partner'
  /** '0' stands for no funding stream. */
  originKey: string
  originName: string | null
  /** '0' stands for no lead commissioner. */
  leadKey: string
  leadName: string | null
  /** '0' stands for no provider. */
  providerKey: string
  providerName: string | null
  pence: Pence
  /** An "up to" ceiling: the most that may be paid, counted at its ceiling. */
  upTo: boolean
}

export const FLOW_COLUMNS = ['Funding stream or partner', 'Lead commissioner', 'Provider'] as const

export const NO_STREAM = 'Funding stream not recorded'
export const NO_LEAD = 'Lead commissioner not recorded'
export const NO_PROVIDER = 'Provider not recorded'

export type FlowNodeKind = 'stream' | 'partner' | 'lead' | 'provider'

export interface FlowNode {
  id: string
  label: string
  column: number
  kind: FlowNodeKind
  pence: Pence
  /** The part of `pence` that is "up to" ceilings. */
  ceilingPence: Pence
}

export interface FlowLink {
  source: string
  target: string
  /** The node of the first column the money comes from: its funding stream or partner. */
  origin: string
  pence: Pence
  ceilingPence: Pence
}

export interface Flow {
  nodes: FlowNode[]
  links: FlowLink[]
  totalPence: Pence
  /** What the awards bring, from funding streams. */
  streamPence: Pence
  /** What partners contribute. */
  partnerPence: Pence
  /** The part of the total that is "up to" ceilings. */
  ceilingPence: Pence
}

/** The keys of the `max` providers paid most, and how many providers there are besides. */
function largestProviders(money: readonly FlowItem[], max: number): { shown: Set<string>; others: number } {
  const providerTotals = new Map<string, { name: string; pence: Pence }>()
  for (const item of money) {
    const entry = providerTotals.get(item.providerKey) ?? { name: item.providerName ?? NO_PROVIDER, pence: 0 }
    entry.pence += item.pence
    providerTotals.set(item.providerKey, entry)
  }
  const ranked = [...providerTotals.entries()].sort(
    (a, b) => b[1].pence - a[1].pence || a[1].name.localeCompare(b[1].name),
  )
  const shown = new Set(ranked.slice(0, max).map(([key]) => key))
  return { shown, others: ranked.length - shown.size }
}

/** Builds the diagram. Providers beyond the `maxProviders` largest are one "Other providers" node. */
export function buildFlow(items: readonly FlowItem[], maxProviders = 12): Flow {
  const money = items.filter((item) => item.pence > 0)
  const { shown, others } = largestProviders(money, maxProviders)

  const nodes = new Map<string, FlowNode>()
  const links = new Map<string, FlowLink>()
  const node = (column: number, kind: FlowNodeKind, key: string, label: string, item: FlowItem): string => {
    const id = `${kind}:${key}`
    const existing = nodes.get(id) ?? { id, label, column, kind, pence: 0, ceilingPence: 0 }
    existing.pence += item.pence
    if (item.upTo) existing.ceilingPence += item.pence
    nodes.set(id, existing)
    return id
  }
  const link = (source: string, target: string, origin: string, item: FlowItem) => {
    const key = `${source}\u0000${target}\u0000${origin}`
    const existing = links.get(key) ?? { source, target, origin, pence: 0, ceilingPence: 0 }
    existing.pence += item.pence
    if (item.upTo) existing.ceilingPence += item.pence
    links.set(key, existing)
  }
  const flow: Flow = { nodes: [], links: [], totalPence: 0, streamPence: 0, partnerPence: 0, ceilingPence: 0 }
  for (const item of money) {
    const originLabel = item.originName ?? (item.originKind === 'stream' ? NO_STREAM : item.originKey)
    const origin = node(0, item.originKind, item.originKey, originLabel, item)
    const lead = node(1, 'lead', item.leadKey, item.leadName ?? NO_LEAD, item)
    const providerShown = shown.has(item.providerKey)
    const provider = providerShown
      ? node(2, 'provider', item.providerKey, item.providerName ?? NO_PROVIDER, item)
      : node(2, 'provider', 'others', `Other providers (${others})`, item)
    link(origin, lead, origin, item)
    link(lead, provider, origin, item)
    flow.totalPence += item.pence
    if (item.originKind === 'stream') flow.streamPence += item.pence
    else flow.partnerPence += item.pence
    if (item.upTo) flow.ceilingPence += item.pence
  }
  // Funding streams first, then partners; within each, the largest first.
  const kindOrder: Record<FlowNodeKind, number> = { stream: 0, partner: 1, lead: 2, provider: 3 }
  flow.nodes = [...nodes.values()].sort(
    (a, b) =>
      a.column - b.column ||
      kindOrder[a.kind] - kindOrder[b.kind] ||
      b.pence - a.pence ||
      a.label.localeCompare(b.label),
  )
  const order = new Map(flow.nodes.map((n, i) => [n.id, i]))
  flow.links = [...links.values()].sort(
    (a, b) =>
      order.get(a.source)! - order.get(b.source)! ||
      order.get(a.target)! - order.get(b.target)! ||
      order.get(a.origin)! - order.get(b.origin)!,
  )
  return flow
}

/**
 * A partner's contribution in one financial year: a sum for a stated year counts in that year; a yearly amount
 * once in each year its service runs; a one-off sum for the whole service is divided between its years by days
 * (the caller passes that share). Where a partner's actual contribution for the year is recorded, it replaces
 * the partner's yearly ceiling on that service, so the two are never counted together.
 */
export interface ContributionInYear {
  partnerKey: string
  serviceId: number | null
  financialYear: number | null
  perAnnum: boolean
  upTo: boolean
  pence: Pence
}

export function contributionsCountedInYear<T extends ContributionInYear>(rows: readonly T[], year: number): T[] {
  const actual = new Set(
    rows.filter((r) => r.financialYear === year && !r.upTo).map((r) => `${r.serviceId}\u0000${r.partnerKey}`),
  )
  return rows.filter(
    (r) =>
      !(r.upTo && r.perAnnum && r.financialYear === null && actual.has(`${r.serviceId}\u0000${r.partnerKey}`)) &&
      (r.financialYear === null || r.financialYear === year),
  )
}
