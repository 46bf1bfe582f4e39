/** HTML to text: block elements become lines, table rows become tab-separated cells, headings keep a "#". */
import { decodeEntities } from '../clean.ts'

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'blockquote',
  'pre',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'br',
  'hr',
  'caption',
  'figure',
  'figcaption',
  'address',
  'form',
  'fieldset',
  'body',
  'html',
])
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'iframe', 'object'])

export interface HtmlToTextOptions {
  /**
   * Word documents: one line per paragraph, no blank line between paragraphs (a Word paragraph is already
   * whole, and its spacing is a style, not an empty line); an empty paragraph is a blank line; a heading
   * keeps a blank line before it. Web pages keep a blank line around every paragraph.
   */
  paragraphs?: 'word' | 'web'
}

export function htmlToText(html: string, options: HtmlToTextOptions = {}): string {
  const word = options.paragraphs === 'word'
  const out: string[] = []
  let line = ''
  let cellDepth = 0
  let skipping: string | null = null
  const flush = (): void => {
    const text = line
      .replace(/[ ]+/g, ' ')
      .replace(/ ?\t ?/g, '\t')
      .trim()
    // A Word paragraph typed with leading spaces keeps one: indentation tells a wrapped line from a new paragraph.
    if (text) out.push(word && !line.includes('\t') && /^ \S/.test(line.replace(/^ +/, ' ')) ? ` ${text}` : text)
    line = ''
  }
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    const textEnd = lt === -1 ? html.length : lt
    if (!skipping && textEnd > i) line += decodeEntities(html.slice(i, textEnd).replace(/\s+/g, ' '))
    if (lt === -1) break
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4)
      i = close === -1 ? html.length : close + 3
      continue
    }
    const gt = html.indexOf('>', lt + 1)
    if (gt === -1) {
      if (!skipping) line += decodeEntities(html.slice(lt).replace(/\s+/g, ' '))
      break
    }
    const tag = html.slice(lt + 1, gt)
    i = gt + 1
    const m = /^(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(tag)
    if (!m) {
      if (!skipping && !tag.startsWith('!') && !tag.startsWith('?')) line += `<${tag}>`
      continue
    }
    const closing = m[1] === '/'
    const name = m[2]!.toLowerCase()
    if (skipping) {
      if (closing && name === skipping) skipping = null
      continue
    }
    if (SKIP.has(name) && !closing && !tag.endsWith('/')) {
      skipping = name
      continue
    }
    if (name === 'td' || name === 'th') {
      if (closing) {
        cellDepth = Math.max(0, cellDepth - 1)
        line += '\t'
      } else cellDepth++
      continue
    }
    if (name === 'sup' || name === 'sub') continue
    if (!BLOCK.has(name)) continue
    if (cellDepth > 0) {
      line += ' '
      continue
    }
    if (name === 'tr' && closing) {
      line = line.replace(/\t+$/, '')
      flush()
      continue
    }
    if (word && name === 'p' && closing && !line.trim()) {
      line = ''
      out.push('')
      continue
    }
    flush()
    if (word) {
      if (!closing && /^(?:table|h[1-6])$/.test(name)) out.push('')
      if (closing && /^(?:table|h[1-6])$/.test(name)) out.push('')
    } else if (!closing && /^(?:p|table|h[1-6]|ul|ol|section|article|header|footer|blockquote|dl)$/.test(name))
      out.push('')
    if (!closing && /^h[1-6]$/.test(name)) line = `${'#'.repeat(Number(name[1]))} `
    else if (!closing && name === 'li') line = '- '
  }
  flush()
  return out
    .join('\n')
    .replace(/^(?:#+|-) *$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}
