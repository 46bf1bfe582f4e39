/** Small helpers for server-rendered SVG: escaping, and the colours every chart shares. */

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
}

/** Distinct colours from the GOV.UK palette, each with at least 3:1 contrast against white. */
export const SERIES_COLOURS = [
  '#1d70b8',
  '#00703c',
  '#d4351c',
  '#4c2c92',
  '#b58840',
  '#d53880',
  '#28a197',
  '#505a5f',
  '#f47738',
  '#003078',
]

export const FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"'

/** £1.2m, £450k, £900: short amounts for axis labels; tables carry the exact figures. */
export function shortPounds(pence: number): string {
  const pounds = pence / 100
  if (pounds >= 1_000_000) return `£${trim(pounds / 1_000_000)}m`
  if (pounds >= 1_000) return `£${trim(pounds / 1_000)}k`
  return `£${Math.round(pounds)}`
}

function trim(value: number): string {
  return value >= 100 ? String(Math.round(value)) : String(Math.round(value * 10) / 10)
}

/** A round step for an axis that reaches at least `max`, in about `ticks` steps. */
export function niceStep(max: number, ticks = 5): number {
  if (max <= 0) return 1
  const rough = max / ticks
  const magnitude = 10 ** Math.floor(Math.log10(rough))
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!
  return step
}
