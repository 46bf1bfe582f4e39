/**
 * Findings: the places where an imported document contradicts itself or cannot be read as written, and the places
 * where awards break the conditions of the funding stream that pays them (src/domain/stream-conditions.ts).
 */

export type FindingSeverity = 'error' | 'warning'

export const FINDING_CODES = {
  total_mismatch: { severity: 'error', summary: 'A stated total does not equal the sum of its parts' },
  unreadable_amount: { severity: 'error', summary: 'An amount cannot be read as written' },
  irregular_amount: { severity: 'warning', summary: 'An amount is written irregularly but can be read' },
  period_conflict: { severity: 'warning', summary: 'Periods in the document contradict each other' },
  dates_out_of_order: { severity: 'warning', summary: 'Dates are in an impossible order' },
  read_by_ocr: { severity: 'warning', summary: 'The document is a scan, read by OCR' },
  award_after_spend_by: { severity: 'error', summary: "An award runs after its funding stream's spend-by date" },
  stream_overcommitted: { severity: 'error', summary: 'A funding stream has more committed than it received' },
  match_funding_short: { severity: 'error', summary: 'A funding stream has less match funding than it requires' },
  ring_fence_breach: { severity: 'error', summary: 'Ring-fenced money pays for a service outside the ring-fence' },
  funding_unconfirmed: {
    severity: 'warning',
    summary: 'An award subject to funding is paid from a stream that is not confirmed',
  },
} as const satisfies Record<string, { severity: FindingSeverity; summary: string }>

export type FindingCode = keyof typeof FINDING_CODES

export interface Finding {
  code: FindingCode
  severity: FindingSeverity
  message: string
  /** 1-based line of the extracted text the finding is about, or null for the document as a whole. */
  line: number | null
}

export function isFindingCode(code: string): code is FindingCode {
  return Object.hasOwn(FINDING_CODES, code)
}

export function finding(
  code: FindingCode,
  message: string,
  line: number | null,
  severity: FindingSeverity = FINDING_CODES[code].severity,
): Finding {
  return { code, severity, message, line }
}
