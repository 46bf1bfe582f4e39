/** Strips HTML and markdown remnants from one line of extracted text, keeping its tab cells. */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  pound: '£',
  ndash: '–',
  mdash: '—',
  rsquo: "'",
  lsquo: "'",
  rdquo: '"',
  ldquo: '"',
  hellip: '…',
  middot: '·',
  bull: '•',
  euro: '€',
  shy: '',
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10)
      return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

export function cleanLine(raw: string): string {
  let text = raw
  if (text.includes('~~')) text = text.replace(/~~[^~]{0,200}~~/g, '')
  if (text.includes('<')) {
    text = text
      .replace(/<(del|s|strike)\b[^<>]{0,200}>[^<]{0,200}<\/\1>/gi, '')
      .replace(/<\/(?:td|th)>/gi, '\t')
      .replace(/<[a-z/!][^<>]{0,400}>/gi, ' ')
  }
  text = decodeEntities(text)
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\*\*|__/g, '')
    .replace(/(^|[\s(])\*([^*\t]{1,120})\*(?=$|[\s.,;:)])/g, '$1$2')
    .replace(/\.{3,}|…{2,}|_{3,}/g, ' ')
  const pipeRow = /^\s*\|.*\|\s*$/.test(text)
  if (pipeRow) {
    if (/^[\s|:-]+$/.test(text)) return ''
    text = text
      .trim()
      .slice(1, -1)
      .split('|')
      .map((cell) => cell.trim())
      .join('\t')
  }
  text = text
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*(?:[-*•▪●◦]|\d{1,2}\))\s+(?=\S)/, (marker) => (/^\s*-\s+(?=\S.*-\s*$)/.test(text) ? marker : ''))
  return text
    .replace(/[ \f\v\r]+/g, ' ')
    .replace(/ *\t */g, '\t')
    .replace(/^ +| +$/g, '')
    .replace(/\t+$/, '')
}

/** Tab-separated cells, trimmed; empty cells before and inside the row are kept (they hold columns), trailing ones dropped. */
export function splitCells(text: string): string[] {
  if (!text.includes('\t')) return [text]
  const cells = text.split('\t').map((cell) => cell.trim())
  while (cells.length > 1 && cells.at(-1) === '') cells.pop()
  return cells.every((cell) => cell === '') ? [''] : cells
}
