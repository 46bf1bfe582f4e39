/** Findings about time: a service that ends before its money does, sign-offs out of order. */
import { finding, type Finding } from '../domain/finding-codes.ts'
import { formatUkDate } from '../domain/uk-date.ts'
import type { DateFacts } from './signoffs.ts'
import type { ServicePeriod, Source } from './types.ts'

export interface BudgetPeriod {
  label: string
  start: string
  end: string
  line: number
}

/** A service said to end before (or start after) the money for it does. */
export function checkPeriods(
  service: ServicePeriod & { endSource: Source | null; startSource: Source | null },
  budget: BudgetPeriod[],
): Finding[] {
  const findings: Finding[] = []
  if (service.start && service.end && service.end < service.start) {
    findings.push(
      finding(
        'dates_out_of_order',
        `The service is said to end on ${formatUkDate(service.end)}, before it starts on ${formatUkDate(service.start)}.`,
        service.endSource?.line ?? null,
      ),
    )
  }
  if (service.end) {
    const later = budget
      .filter((b) => b.end > service.end!)
      .sort((a, b) => (a.end === b.end ? a.line - b.line : a.end < b.end ? 1 : -1))[0]
    if (later)
      findings.push(
        finding(
          'period_conflict',
          `The service is said to end on ${formatUkDate(service.end)} (line ${service.endSource?.line}) but the budget runs to ${formatUkDate(later.end)} (${later.label}, line ${later.line}).`,
          service.endSource?.line ?? later.line,
        ),
      )
  }
  if (service.start) {
    const earlier = budget
      .filter((b) => b.start < service.start! && b.end < service.start!)
      .sort((a, b) => (a.start === b.start ? a.line - b.line : a.start < b.start ? -1 : 1))[0]
    if (earlier)
      findings.push(
        finding(
          'period_conflict',
          `The service is said to start on ${formatUkDate(service.start)} but the budget includes ${earlier.label}, which ends on ${formatUkDate(earlier.end)} before it starts (line ${earlier.line}).`,
          earlier.line,
        ),
      )
  }
  return findings
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const ROLE_NAMES = {
  decision_maker: 'the decision maker',
  officer: 'the chief executive',
  finance: 'the chief finance officer',
  author: 'the author',
  unknown: 'a signatory',
} as const

/** Sign-offs before the document was received or written; the decision maker signing before the officers. */
export function checkDates(dates: DateFacts, kind: string): Finding[] {
  const findings: Finding[] = []
  const earliest = [dates.received, dates.report].filter((d): d is NonNullable<typeof d> => d !== null)
  for (const signoff of kind === 'foi_response' ? [] : dates.signoffs) {
    for (const before of earliest) {
      if (signoff.date < before.date && signoff.role !== 'author') {
        findings.push(
          finding(
            'dates_out_of_order',
            `${capitalise(ROLE_NAMES[signoff.role])} signed on ${formatUkDate(signoff.date)}, before the document's date of ${formatUkDate(before.date)} (line ${before.line.no}).`,
            signoff.line.no,
          ),
        )
      }
    }
  }
  const decider = dates.signoffs.filter((s) => s.role === 'decision_maker')
  for (const d of decider) {
    for (const officer of dates.signoffs.filter((s) => s.role === 'officer' || s.role === 'finance')) {
      if (d.date < officer.date)
        findings.push(
          finding(
            'dates_out_of_order',
            `The decision maker signed on ${formatUkDate(d.date)}, before ${ROLE_NAMES[officer.role]} on ${formatUkDate(officer.date)} (line ${officer.line.no}).`,
            d.line.no,
          ),
        )
    }
  }
  if (kind === 'foi_response' && dates.received && dates.decision && dates.decision.date < dates.received.date) {
    findings.push(
      finding(
        'dates_out_of_order',
        `The response is dated ${formatUkDate(dates.decision.date)}, before the request was received on ${formatUkDate(dates.received.date)}.`,
        dates.decision.line.no,
      ),
    )
  }
  return findings
}
