/** The draft (pence) as the JSON record (pounds), in its field order. */
import { penceToPounds } from '../domain/money.ts'
import type { ExtractedDraft, ExtractedRecord } from './types.ts'

export function toRecord(draft: ExtractedDraft): ExtractedRecord {
  return {
    file: draft.file,
    kind: draft.kind,
    office: draft.office,
    reference: draft.reference,
    title: draft.title,
    decision_date: draft.decisionDate,
    total_amount: draft.totalAmount === null ? null : penceToPounds(draft.totalAmount),
    awards: draft.awards.map((a) => ({
      recipient: a.recipient,
      amount: penceToPounds(a.amount),
      period: a.period,
      per_annum: a.perAnnum,
      up_to: a.upTo,
      via: a.via,
      route: a.route,
    })),
    contributions: draft.contributions.map((c) => ({
      organisation: c.organisation,
      amount: penceToPounds(c.amount),
      per_annum: c.perAnnum,
      up_to: c.upTo,
    })),
    funding_sources: [...draft.fundingSources],
    areas: [...draft.areas],
    service_period: { ...draft.servicePeriod },
    findings: draft.findings.map((f) => ({ ...f })),
    provenance: Object.fromEntries(Object.entries(draft.provenance).map(([key, source]) => [key, { ...source }])),
    ...(draft.ocr ? { ocr: { ...draft.ocr } } : {}),
  }
}
