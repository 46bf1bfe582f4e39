/**
 * Lines of a page rebuilt from positioned words (a PDF's text items, or OCR's word boxes): words grouped by
 * baseline, sorted by x, a tab at a wide gap, and the cells of a table block aligned to the columns of its
 * widest row so that empty cells keep their place.
 */

export interface Item {
  text: string
  x: number
  end: number
  y: number
  size: number
}

interface Segment {
  text: string
  x: number
  end: number
}

interface PdfLine {
  y: number
  /** The baseline of the last line of a row whose cells wrap. */
  bottom?: number
  size: number
  segments: Segment[]
}

const LIST_MARKER = /^(?:\d{1,2}(?:\.\d{1,2}){0,2}\.?|\(?[a-z]{1,2}\)|\(?[ivx]{1,4}\)|[-•▪●◦*])$/

export function layoutPage(items: Item[]): string {
  items.sort((p, q) => q.y - p.y || p.x - q.x)
  const lines: PdfLine[] = []
  for (const item of items) {
    const line = lines.at(-1)
    if (line && Math.abs(line.y - item.y) <= Math.max(line.size, item.size) * 0.45) addItem(line, item)
    else lines.push({ y: item.y, size: item.size, segments: [{ text: item.text, x: item.x, end: item.end }] })
  }
  for (const line of lines) line.segments.sort((p, q) => p.x - q.x)
  const merged = joinWrappedCells(lines.map((line) => ({ ...line, segments: mergeSegments(line) })))
  alignTables(merged)
  const gaps = merged
    .slice(1)
    .map((line, i) => (merged[i]!.bottom ?? merged[i]!.y) - line.y)
    .filter((gap) => gap > 0)
    .sort((p, q) => p - q)
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 12
  const out: string[] = []
  let previous: PdfLine | null = null
  for (const line of merged) {
    if (
      previous &&
      (previous.bottom ?? previous.y) - line.y > Math.max(usual * 1.45, Math.max(previous.size, line.size) * 1.3)
    )
      out.push('')
    // "1.1   That …", "a)   £10,000 …": a list marker set off by a gap is no table cell
    const cells = line.segments.map((s) => s.text)
    if (cells.length === 2 && LIST_MARKER.test(cells[0]!.trim())) cells.splice(0, 2, `${cells[0]!.trim()} ${cells[1]!}`)
    out.push(cells.join('\t').replace(/\t+$/, ''))
    previous = line
  }
  return out.join('\n')
}

function addItem(line: PdfLine, item: Item): void {
  line.segments.push({ text: item.text, x: item.x, end: item.end })
  line.size = Math.max(line.size, item.size)
}

/** Items close together form one cell; a gap wider than about two spaces starts a new one. */
function mergeSegments(line: PdfLine): Segment[] {
  const segments: Segment[] = []
  for (const item of line.segments) {
    const last = segments.at(-1)
    const gap = last ? item.x - last.end : Infinity
    if (last && gap < line.size * 1.2) {
      last.text +=
        gap > line.size * 0.12 && !last.text.endsWith(' ') && !item.text.startsWith(' ') ? ` ${item.text}` : item.text
      last.end = Math.max(last.end, item.end)
    } else {
      segments.push({ ...item, text: item.text })
    }
  }
  for (const segment of segments) segment.text = segment.text.replace(/\s+/g, ' ').trim()
  return segments
}

/** A cell whose text wraps leaves lines holding one piece under that cell's column: put it back in the cell. */
function joinWrappedCells(lines: PdfLine[]): PdfLine[] {
  const out: PdfLine[] = []
  let row: PdfLine | null = null
  for (const line of lines) {
    const only = line.segments.length === 1 ? line.segments[0]! : null
    const column = only && row ? row.segments.findIndex((s, i) => i > 0 && Math.abs(s.x - only.x) < 3) : -1
    if (only && row && column > 0 && (row.bottom ?? row.y) - line.y < Math.max(row.size, line.size) * 2.4) {
      row.segments[column]!.text += ` ${only.text}`
      row.bottom = line.y
      continue
    }
    row = line.segments.length >= 2 ? { ...line } : null
    out.push(row ?? line)
  }
  return out
}

/** Within a run of multi-cell lines, put each cell under the column of the widest row it overlaps. */
function alignTables(lines: PdfLine[]): void {
  let start = 0
  while (start < lines.length) {
    if (lines[start]!.segments.length < 2) {
      start++
      continue
    }
    let end = start
    while (end + 1 < lines.length && lines[end + 1]!.segments.length >= 2) end++
    const block = lines.slice(start, end + 1)
    const widest = block.reduce((best, line) => (line.segments.length > best.segments.length ? line : best), block[0]!)
    const columns = widest.segments.map((s) => ({ x: s.x, end: s.end }))
    for (const line of block) {
      if (line === widest || line.segments.length >= columns.length) continue
      const placed: Segment[] = columns.map((c) => ({ text: '', x: c.x, end: c.end }))
      let ok = true
      let lastColumn = -1
      for (const segment of line.segments) {
        let best = -1
        let bestScore = -Infinity
        columns.forEach((column, index) => {
          const overlap = Math.min(segment.end, column.end) - Math.max(segment.x, column.x)
          const score =
            overlap > 0 ? overlap : -Math.min(Math.abs(segment.x - column.x), Math.abs(segment.end - column.end))
          if (index > lastColumn && score > bestScore) {
            best = index
            bestScore = score
          }
        })
        if (best === -1 || placed[best]!.text) {
          ok = false
          break
        }
        placed[best] = segment
        lastColumn = best
      }
      if (ok) line.segments = placed
    }
    start = end + 1
  }
}
