/** Findings in prose: a sentence that breaks a stated total down into parts that do not add up to it. */
import { finding, type Finding } from '../domain/finding-codes.ts'
import { formatPence as money } from '../domain/money.ts'
import { findAmounts } from './amounts.ts'
import { lineAt, type Doc } from './document.ts'

/** "A total of £X, broken down as £a from …, £b from …": the breakdown against the total, sentence by sentence. */
export function checkBreakdowns(doc: Doc): Finding[] {
  const findings: Finding[] = []
  for (const sentence of doc.sentences) {
    if (!/broken\s+down|made\s+up\s+of|comprising|split\s+(?:as|between)|as\s+follows/i.test(sentence.text)) continue
    const hits = findAmounts(sentence.text).filter((hit) => hit.reading.pence !== null)
    if (hits.length < 3) continue
    const [first, ...rest] = hits
    if (!/total|value|overall/i.test(sentence.text.slice(0, first!.start))) continue
    const sum = rest.reduce((acc, hit) => acc + hit.reading.pence!, 0)
    if (sum !== first!.reading.pence) {
      findings.push(
        finding(
          'total_mismatch',
          `The breakdown adds to ${money(sum)} but the stated total is ${money(first!.reading.pence!)}.`,
          lineAt(sentence, first!.start),
        ),
      )
    }
  }
  return findings
}
