import { escapeXml, FONT, niceStep, SERIES_COLOURS, shortPounds } from './svg.ts'

export interface StackedColumnsInput {
  id: string
  title: string
  description: string
  columns: string[]
  series: Array<{ label: string; values: number[] }>
}

const WIDTH = 760
const HEIGHT = 360
const MARGIN = { top: 16, right: 16, bottom: 48, left: 72 }

/**
 * A stacked column chart as an SVG string: one column per financial year, one colour per series, a legend
 * underneath. It is an image with a title and description; the table beside it carries the figures.
 */
export function stackedColumnsSvg(input: StackedColumnsInput): string {
  const legendRows = Math.ceil(input.series.length / 3)
  const height = HEIGHT + legendRows * 22
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom
  const totals = input.columns.map((_, i) => input.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0))
  const step = niceStep(Math.max(0, ...totals))
  const top = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step)
  const y = (pence: number) => MARGIN.top + plotHeight - (pence / top) * plotHeight
  const band = plotWidth / Math.max(1, input.columns.length)
  const barWidth = Math.max(4, Math.min(56, band * 0.7))
  const parts: string[] = []
  parts.push(
    `<svg class="app-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${input.id}-title ${input.id}-desc" ${FONT} font-size="12">`,
  )
  parts.push(`<title id="${input.id}-title">${escapeXml(input.title)}</title>`)
  parts.push(`<desc id="${input.id}-desc">${escapeXml(input.description)}</desc>`)
  for (let v = 0; v <= top; v += step) {
    parts.push(
      `<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#b1b4b6" stroke-width="${v === 0 ? 1.5 : 0.5}"/>`,
    )
    parts.push(
      `<text x="${MARGIN.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" fill="#0b0c0c">${escapeXml(shortPounds(v))}</text>`,
    )
  }
  input.columns.forEach((label, i) => {
    const x = MARGIN.left + band * i + (band - barWidth) / 2
    let base = 0
    input.series.forEach((series, s) => {
      const value = series.values[i] ?? 0
      if (value <= 0) return
      const y0 = y(base)
      const y1 = y(base + value)
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${Math.max(0.5, y0 - y1).toFixed(1)}" fill="${SERIES_COLOURS[s % SERIES_COLOURS.length]}" stroke="#ffffff" stroke-width="0.5"/>`,
      )
      base += value
    })
    const lx = MARGIN.left + band * i + band / 2
    const rotate =
      input.columns.length > 8 ? ` transform="rotate(-40 ${lx.toFixed(1)} ${HEIGHT - MARGIN.bottom + 14})"` : ''
    parts.push(
      `<text x="${lx.toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 14}" text-anchor="${rotate ? 'end' : 'middle'}" fill="#0b0c0c"${rotate}>${escapeXml(label)}</text>`,
    )
  })
  input.series.forEach((series, s) => {
    const x = MARGIN.left + (s % 3) * (plotWidth / 3)
    const ly = HEIGHT + Math.floor(s / 3) * 22
    parts.push(
      `<rect x="${x}" y="${ly - 10}" width="12" height="12" fill="${SERIES_COLOURS[s % SERIES_COLOURS.length]}"/>`,
    )
    parts.push(`<text x="${x + 18}" y="${ly}" fill="#0b0c0c">${escapeXml(truncate(series.label, 34))}</text>`)
  })
  parts.push('</svg>')
  return parts.join('')
}

function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}
