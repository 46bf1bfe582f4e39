/** The document's own reference, as printed: 2021.021, PCC036/18, PCCML/000407/2018, 10653. */
import type { Doc, Line } from './document.ts'
import type { LabelHit } from './labels.ts'

const TOKENS = [
  /\b[A-Z]{2,10}\s\d{2,6}[/.-]\d{2,6}\b/,
  /\b[A-Z]{1,10}\d{0,6}(?:\s?[/-]\s?[A-Z0-9]{1,10}){1,4}\b/,
  /\b\d{4}\.\d{2,4}\b/,
  /\b\d{2,6}\/\d{2,4}\b/,
  /\b[A-Z]{2,10}\s?\d{2,8}\b/,
  /^\d{3,10}$/,
]

function normalise(token: string): string {
  return token.replace(/\s*([/-])\s*/g, '$1').trim()
}

export function referenceToken(text: string): string | null {
  for (const pattern of TOKENS) {
    const match = pattern.exec(text)
    if (match && (match[0].match(/\d/g)?.length ?? 0) >= 2) return normalise(match[0])
  }
  return null
}

export interface ReferenceHit {
  value: string
  line: Line
}

export function findReference(doc: Doc, labels: LabelHit[]): ReferenceHit | null {
  for (const hit of labels) {
    if (hit.field !== 'reference' || /your\s+ref/i.test(hit.label)) continue
    const cells = hit.value
      .split('\t')
      .map((cell) => cell.trim())
      .filter(Boolean)
    const whole = cells.length === 1 ? cells[0]! : ''
    if (whole.length <= 25 && /\d/.test(whole) && whole.split(/\s+/).length <= 3 && !/[a-z]{4,}/.test(whole))
      return { value: normalise(whole), line: hit.line }
    for (const cell of cells.reverse()) {
      const token = referenceToken(cell)
      if (token) return { value: token, line: hit.line }
    }
  }
  for (const line of doc.lines.slice(0, 40)) {
    if (line.blank) continue
    const coded = /\s[-–—]\s([A-Z]{2,}[A-Z0-9]*(?:\/[A-Z0-9]+){1,4})$/.exec(line.text)
    if (coded && /\d/.test(coded[1]!)) return { value: coded[1]!, line }
    const heading =
      /\b(?:decision|report|record|notice|paper|foi|request|response)\b[^:\t]{0,40}?(?:\s?[-–—:]\s?|\s(?:no\.?|number)\s|\t|\s)\s*([A-Z0-9][A-Z0-9 ./-]{2,30})$/i.exec(
        line.text,
      )
    if (heading) {
      // "request response - 06736": the words before the number are no part of it
      const token = referenceToken(heading[1]!) ?? referenceToken(heading[1]!.split(/\s+/).at(-1)!)
      const foiNumber =
        token !== null &&
        /^\d{4,}$/.test(token) &&
        /\b(?:foi|request|response)\b/i.test(line.text) &&
        !/\bdate\b/i.test(line.text)
      if (token && /\d/.test(token) && (/[/.-]/.test(token) || /[A-Z]/.test(token) || foiNumber))
        return { value: token, line }
    }
  }
  return null
}
