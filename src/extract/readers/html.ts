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
  const lines = new TextLines(options.paragraphs === 'word')
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    const textEnd = lt === -1 ? html.length : lt
    if (textEnd > i) lines.text(html.slice(i, textEnd))
    if (lt === -1) break
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4)
      i = close === -1 ? html.length : close + 3
      continue
    }
    const gt = html.indexOf('>', lt + 1)
    if (gt === -1) {
      lines.text(html.slice(lt))
      break
    }
    lines.tag(html.slice(lt + 1, gt))
    i = gt + 1
  }
  return lines.finish()
}

/** The lines of text written so far, and the line being built, as the HTML's text and tags are met in order. */
class TextLines {
  private readonly out: string[] = []
  private line = ''
  private cellDepth = 0
  /** The element whose content is being skipped (a script, a style…). */
  private skipping: string | null = null

  constructor(private readonly word: boolean) {}

  /** Text between tags: white space collapsed, entities decoded. */
  text(raw: string): void {
    if (!this.skipping) this.line += decodeEntities(raw.replace(/\s+/g, ' '))
  }

  /** What is between one "<" and its ">". */
  tag(tag: string): void {
    const m = /^(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(tag)
    if (!m) {
      if (!this.skipping && !tag.startsWith('!') && !tag.startsWith('?')) this.line += `<${tag}>`
      return
    }
    const closing = m[1] === '/'
    const name = m[2]!.toLowerCase()
    if (this.skipping) {
      if (closing && name === this.skipping) this.skipping = null
      return
    }
    if (SKIP.has(name) && !closing && !tag.endsWith('/')) {
      this.skipping = name
      return
    }
    if (name === 'td' || name === 'th') {
      if (closing) {
        this.cellDepth = Math.max(0, this.cellDepth - 1)
        this.line += '\t'
      } else this.cellDepth++
      return
    }
    if (name === 'sup' || name === 'sub') return
    if (!BLOCK.has(name)) return
    if (this.cellDepth > 0) {
      this.line += ' '
      return
    }
    this.block(name, closing)
  }

  /** A block element outside a table cell: it ends the line, and may open or close a paragraph. */
  private block(name: string, closing: boolean): void {
    if (name === 'tr' && closing) {
      this.line = this.line.replace(/\t+$/, '')
      this.flush()
      return
    }
    if (this.word && name === 'p' && closing && !this.line.trim()) {
      this.line = ''
      this.out.push('')
      return
    }
    this.flush()
    if (this.word) {
      if (/^(?:table|h[1-6])$/.test(name)) this.out.push('')
    } else if (!closing && /^(?:p|table|h[1-6]|ul|ol|section|article|header|footer|blockquote|dl)$/.test(name))
      this.out.push('')
    if (!closing && /^h[1-6]$/.test(name)) this.line = `${'#'.repeat(Number(name[1]))} `
    else if (!closing && name === 'li') this.line = '- '
  }

  private flush(): void {
    const text = this.line
      .replace(/[ ]+/g, ' ')
      .replace(/ ?\t ?/g, '\t')
      .trim()
    // A Word paragraph typed with leading spaces keeps one: indentation tells a wrapped line from a new paragraph.
    if (text)
      this.out.push(
        this.word && !this.line.includes('\t') && /^ \S/.test(this.line.replace(/^ +/, ' ')) ? ` ${text}` : text,
      )
    this.line = ''
  }

  /** The text: the last line written, empty headings and bullets dropped, no more than one blank line in a row. */
  finish(): string {
    this.flush()
    return this.out
      .join('\n')
      .replace(/^(?:#+|-) *$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  }
}
