import type { Flow, FlowNode } from '../../domain/flow.ts'
import { FLOW_COLUMNS } from '../../domain/flow.ts'
import { formatPence } from '../../domain/money.ts'
import { escapeXml, FONT, shortPounds } from './svg.ts'

const WIDTH = 960
/** Each node is a box holding its own label, so no label lies on a band. */
const BOX = 236
const FONT_SIZE = 15
const LINE = 18
const PAD = 6
const MIN_BOX = 3 * LINE + 2 * PAD
const GAP = 12
const TOP = 36
const BOTTOM = 8
/** About the characters of the widest text that fit in a box at FONT_SIZE (0.6em each, wider than most). */
const CHARS = Math.floor((BOX - 2 * PAD - 10) / (FONT_SIZE * 0.6))
/** The money of a whole column, in the diagram's units, before boxes are raised to fit their labels. */
const MONEY_HEIGHT = 520

/** Colours with at least 3:1 contrast against white, each with a name for the legend. */
export const STREAM_COLOURS: ReadonlyArray<{ hex: string; name: string }> = [
  { hex: '#1d70b8', name: 'Blue' },
  { hex: '#00703c', name: 'Green' },
  { hex: '#d4351c', name: 'Red' },
  { hex: '#d53880', name: 'Pink' },
  { hex: '#b58840', name: 'Brown' },
  { hex: '#28a197', name: 'Turquoise' },
  { hex: '#f47738', name: 'Orange' },
  { hex: '#003078', name: 'Dark blue' },
]
export const PARTNER_COLOUR = { hex: '#4c2c92', name: 'Purple' }
export const OTHER_COLOUR = { hex: '#505a5f', name: 'Dark grey' }

export interface LegendEntry {
  hex: string
  name: string
  labels: string[]
}

/**
 * The colour of each source of money: the largest funding streams a colour each, the rest and "funding stream
 * not recorded" dark grey, every partner purple.
 */
export function flowColours(flow: Flow): { colourOf: Map<string, string>; legend: LegendEntry[] } {
  const colourOf = new Map<string, string>()
  const legend = new Map<string, LegendEntry>()
  const add = (node: FlowNode, colour: { hex: string; name: string }) => {
    colourOf.set(node.id, colour.hex)
    const entry = legend.get(colour.hex) ?? { ...colour, labels: [] }
    entry.labels.push(node.label)
    legend.set(colour.hex, entry)
  }
  let next = 0
  for (const node of flow.nodes.filter((n) => n.column === 0)) {
    if (node.kind === 'partner') add(node, PARTNER_COLOUR)
    else if (node.id === 'stream:0' || next >= STREAM_COLOURS.length) add(node, OTHER_COLOUR)
    else add(node, STREAM_COLOURS[next++]!)
  }
  const order = [...STREAM_COLOURS, OTHER_COLOUR, PARTNER_COLOUR].map((c) => c.hex)
  return { colourOf, legend: [...legend.values()].sort((a, b) => order.indexOf(a.hex) - order.indexOf(b.hex)) }
}

interface Placed {
  node: FlowNode
  x: number
  y: number
  height: number
  /** Where the bands start inside the box: centred when the box is taller than its money. */
  bandTop: number
  outOffset: number
  inOffset: number
}

/**
 * The flow of money as a Sankey diagram, an SVG string: three columns of boxes (where the money comes from, lead
 * commissioners, providers), each box holding its name and amount, joined by bands as wide as the money that
 * passes and coloured by the funding stream or partner it comes from. An image with a title and description;
 * the table beside it carries every link's amount and the legend names the colours.
 */
export function sankeySvg(flow: Flow, options: { id: string; title: string; description: string }): string {
  const { colourOf } = flowColours(flow)
  const { placed, height, columnX, scale } = placeBoxes(flow)
  const parts: string[] = []
  parts.push(
    `<svg class="app-chart app-chart--flow" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${options.id}-title ${options.id}-desc" ${FONT} font-size="${FONT_SIZE}">`,
  )
  parts.push(`<title id="${options.id}-title">${escapeXml(options.title)}</title>`)
  parts.push(`<desc id="${options.id}-desc">${escapeXml(options.description)}</desc>`)
  FLOW_COLUMNS.forEach((label, c) => {
    parts.push(
      `<text x="${columnX[c]!.toFixed(1)}" y="22" font-weight="bold" fill="#0b0c0c">${escapeXml(label)}</text>`,
    )
  })
  parts.push(...bands(flow, placed, scale, colourOf))
  for (const p of placed.values()) parts.push(box(p, colourOf.get(p.node.id)))
  parts.push('</svg>')
  return parts.join('')
}

/** Each node's box, placed in its column (the columns centred on the tallest), and the chart's height. */
function placeBoxes(flow: Flow): { placed: Map<string, Placed>; height: number; columnX: number[]; scale: number } {
  const columns = FLOW_COLUMNS.map((_, c) => flow.nodes.filter((n) => n.column === c))
  const scale = flow.totalPence > 0 ? MONEY_HEIGHT / flow.totalPence : 0
  const boxHeight = (n: FlowNode) => Math.max(MIN_BOX, n.pence * scale)
  const columnHeight = (nodes: FlowNode[]) =>
    nodes.reduce((sum, n) => sum + boxHeight(n), 0) + Math.max(0, nodes.length - 1) * GAP
  const tallest = Math.max(MIN_BOX, ...columns.map(columnHeight))
  const height = Math.ceil(TOP + tallest + BOTTOM)
  const columnX = [8, (WIDTH - BOX) / 2, WIDTH - 8 - BOX]
  const placed = new Map<string, Placed>()
  columns.forEach((nodes, c) => {
    let y = TOP + (tallest - columnHeight(nodes)) / 2
    for (const node of nodes) {
      const h = boxHeight(node)
      placed.set(node.id, {
        node,
        x: columnX[c]!,
        y,
        height: h,
        bandTop: y + (h - node.pence * scale) / 2,
        outOffset: 0,
        inOffset: 0,
      })
      y += h + GAP
    }
  })
  return { placed, height, columnX, scale }
}

/**
 * The bands, as SVG paths. Bands leave a box in the order of their targets and enter in the order of their
 * sources, so none cross at a box.
 */
function bands(flow: Flow, placed: Map<string, Placed>, scale: number, colourOf: Map<string, string>): string[] {
  const order = new Map(flow.nodes.map((n, i) => [n.id, i]))
  const rank = (id: string) => order.get(id)!
  const starts = new Map<(typeof flow.links)[number], number>()
  for (const link of [...flow.links].sort(
    (a, b) => rank(a.source) - rank(b.source) || rank(a.target) - rank(b.target) || rank(a.origin) - rank(b.origin),
  )) {
    const source = placed.get(link.source)!
    starts.set(link, source.bandTop + source.outOffset)
    source.outOffset += link.pence * scale
  }
  const paths: string[] = []
  for (const link of [...flow.links].sort(
    (a, b) => rank(a.target) - rank(b.target) || rank(a.source) - rank(b.source) || rank(a.origin) - rank(b.origin),
  )) {
    const target = placed.get(link.target)!
    const w = link.pence * scale
    const x0 = placed.get(link.source)!.x + BOX
    const x1 = target.x
    const y0 = starts.get(link)!
    const y1 = target.bandTop + target.inOffset
    target.inOffset += w
    const mid = (x0 + x1) / 2
    const f = (n: number) => n.toFixed(1)
    const path = `M${f(x0)},${f(y0)} C${f(mid)},${f(y0)} ${f(mid)},${f(y1)} ${f(x1)},${f(y1)} L${f(x1)},${f(y1 + w)} C${f(mid)},${f(y1 + w)} ${f(mid)},${f(y0 + w)} ${f(x0)},${f(y0 + w)} Z`
    paths.push(`<path d="${path}" fill="${colourOf.get(link.origin)}" fill-opacity="0.45" stroke="none"/>`)
  }
  return paths
}

/** A node's box: its name in up to two lines and its amount, the full name and exact amount in its title. */
function box(p: Placed, colour: string | undefined): string {
  const { node } = p
  const lines = wrap(node.label, CHARS)
  lines.push(amountText(node))
  const textTop = p.y + (p.height - lines.length * LINE) / 2 + LINE - 4
  const textX = p.x + PAD + (colour ? 6 : 0)
  const full = `${node.label}: ${formatPence(node.pence)}${node.ceilingPence ? `, of which ${formatPence(node.ceilingPence)} up to (ceilings)` : ''}`
  return [
    `<g><title>${escapeXml(full)}</title>`,
    `<rect x="${p.x.toFixed(1)}" y="${p.y.toFixed(1)}" width="${BOX}" height="${p.height.toFixed(1)}" fill="#f3f2f1" stroke="#505a5f" stroke-width="1"/>`,
    colour
      ? `<rect x="${p.x.toFixed(1)}" y="${p.y.toFixed(1)}" width="6" height="${p.height.toFixed(1)}" fill="${colour}"/>`
      : '',
    ...lines.map(
      (line, i) =>
        `<text x="${textX.toFixed(1)}" y="${(textTop + i * LINE).toFixed(1)}" fill="#0b0c0c"${i === lines.length - 1 ? ' font-weight="bold"' : ''}>${escapeXml(line)}</text>`,
    ),
    '</g>',
  ].join('')
}

function amountText(node: FlowNode): string {
  if (!node.ceilingPence) return shortPounds(node.pence)
  if (node.ceilingPence === node.pence) return `up to ${shortPounds(node.pence)}`
  return `${shortPounds(node.pence)} (${shortPounds(node.ceilingPence)} up to)`
}

/** Words into at most two lines of `width` characters; what does not fit ends in an ellipsis. */
export function wrap(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean)
  const cut = (s: string) => (s.length <= width ? s : `${s.slice(0, width - 1).trimEnd()}…`)
  let first = ''
  let i = 0
  while (i < words.length && (first ? first.length + 1 : 0) + words[i]!.length <= width) {
    first = first ? `${first} ${words[i]}` : words[i]!
    i++
  }
  if (i === words.length) return [first]
  if (!first) return [cut(words.join(' '))]
  return [first, cut(words.slice(i).join(' '))]
}
