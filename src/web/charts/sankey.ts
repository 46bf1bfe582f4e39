import type { Flow } from '../../domain/flow.ts'
import { FLOW_COLUMNS } from '../../domain/flow.ts'
import { escapeXml, FONT, SERIES_COLOURS, shortPounds } from './svg.ts'

const WIDTH = 960
const NODE_WIDTH = 14
const GAP = 10
const MARGIN = { top: 28, right: 8, bottom: 8, left: 8 }
const LABEL_SPACE = 180

interface Placed {
  id: string
  label: string
  column: number
  pence: number
  x: number
  y: number
  height: number
  outOffset: number
  inOffset: number
}

/**
 * The flow of money as a Sankey diagram, an SVG string: columns of nodes (funding streams, offices, lead
 * commissioners, providers) whose heights are their amounts, joined by bands as wide as the money that
 * passes. An image with a title and description; the table beside it carries every link's amount.
 */
export function sankeySvg(flow: Flow, options: { id: string; title: string; description: string }): string {
  const columns = FLOW_COLUMNS.map((_, c) => flow.nodes.filter((n) => n.column === c))
  const busiest = Math.max(1, ...columns.map((nodes) => nodes.length))
  const height = Math.max(320, busiest * 34 + MARGIN.top + MARGIN.bottom)
  const usable = height - MARGIN.top - MARGIN.bottom - (busiest - 1) * GAP
  const scale = flow.totalPence > 0 ? usable / flow.totalPence : 0
  const columnX = (c: number) =>
    MARGIN.left + c * ((WIDTH - MARGIN.left - MARGIN.right - NODE_WIDTH - LABEL_SPACE) / (FLOW_COLUMNS.length - 1))
  const placed = new Map<string, Placed>()
  columns.forEach((nodes, c) => {
    const total = nodes.reduce((sum, n) => sum + Math.max(2, n.pence * scale), 0) + (nodes.length - 1) * GAP
    let y = MARGIN.top + (height - MARGIN.top - MARGIN.bottom - total) / 2
    for (const node of nodes) {
      const h = Math.max(2, node.pence * scale)
      placed.set(node.id, { ...node, x: columnX(c), y, height: h, outOffset: 0, inOffset: 0 })
      y += h + GAP
    }
  })
  const parts: string[] = []
  parts.push(
    `<svg class="app-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${options.id}-title ${options.id}-desc" ${FONT} font-size="12">`,
  )
  parts.push(`<title id="${options.id}-title">${escapeXml(options.title)}</title>`)
  parts.push(`<desc id="${options.id}-desc">${escapeXml(options.description)}</desc>`)
  FLOW_COLUMNS.forEach((label, c) => {
    parts.push(`<text x="${columnX(c).toFixed(1)}" y="16" font-weight="bold" fill="#0b0c0c">${escapeXml(label)}</text>`)
  })
  const sourceColour = new Map<string, string>()
  columns[0]!.forEach((n, i) => sourceColour.set(n.id, SERIES_COLOURS[i % SERIES_COLOURS.length]!))
  for (const link of flow.links) {
    const source = placed.get(link.source)!
    const target = placed.get(link.target)!
    const w = Math.max(1, link.pence * scale)
    const x0 = source.x + NODE_WIDTH
    const x1 = target.x
    const y0 = source.y + source.outOffset
    const y1 = target.y + target.inOffset
    source.outOffset += w
    target.inOffset += w
    const mid = (x0 + x1) / 2
    const path = `M${x0.toFixed(1)},${y0.toFixed(1)} C${mid.toFixed(1)},${y0.toFixed(1)} ${mid.toFixed(1)},${y1.toFixed(1)} ${x1.toFixed(1)},${y1.toFixed(1)} L${x1.toFixed(1)},${(y1 + w).toFixed(1)} C${mid.toFixed(1)},${(y1 + w).toFixed(1)} ${mid.toFixed(1)},${(y0 + w).toFixed(1)} ${x0.toFixed(1)},${(y0 + w).toFixed(1)} Z`
    const colour = source.column === 0 ? sourceColour.get(source.id) : '#6f777b'
    parts.push(`<path d="${path}" fill="${colour}" fill-opacity="0.35" stroke="none"/>`)
  }
  for (const node of placed.values()) {
    const colour = node.column === 0 ? sourceColour.get(node.id)! : '#0b0c0c'
    parts.push(
      `<rect x="${node.x.toFixed(1)}" y="${node.y.toFixed(1)}" width="${NODE_WIDTH}" height="${node.height.toFixed(1)}" fill="${colour}"/>`,
    )
    const label = `${truncate(node.label, 30)} ${shortPounds(node.pence)}`
    parts.push(
      `<text x="${(node.x + NODE_WIDTH + 4).toFixed(1)}" y="${(node.y + node.height / 2 + 4).toFixed(1)}" fill="#0b0c0c">${escapeXml(label)}</text>`,
    )
  }
  parts.push('</svg>')
  return parts.join('')
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}
