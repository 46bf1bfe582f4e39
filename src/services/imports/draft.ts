/** Pure rules that turn an extracted draft into the parts of a stored record. */
import { basename, extname } from 'node:path'
import { financialYearOf } from '../../domain/financial-year.ts'
import type { Finding } from '../../domain/finding-codes.ts'
import type { DocumentType } from '../../extract/index.ts'
import type { ExtractedDraft, ServicePeriod, Source } from '../../extract/index.ts'
import { parsePeriodLabel } from '../../extract/period-label.ts'
import { findNarrative } from '../../extract/index.ts'

export interface AwardPeriod {
  label: string | null
  start: string | null
  end: string | null
  financialYear: number | null
}

/** Dates for an award: from its own period as printed, else the service period when the award states none. */
export function awardPeriod(label: string | null, service: ServicePeriod): AwardPeriod {
  const range = label
    ? parsePeriodLabel(label)
    : service.start && service.end
      ? { start: service.start, end: service.end }
      : null
  return periodOf(label, range?.start ?? null, range?.end ?? null)
}

/** A period whose dates are kept only when both are known and in order; its financial year when it lies within one. */
export function periodOf(label: string | null, start: string | null, end: string | null): AwardPeriod {
  if (!start || !end || end < start) return { label, start: null, end: null, financialYear: null }
  const year = financialYearOf(start)
  return { label, start, end, financialYear: end <= year.end ? year.startYear : null }
}

/** True when every part of the money is a yearly amount, so the stated total is a yearly total too. */
export function totalIsPerAnnum(draft: Pick<ExtractedDraft, 'awards' | 'contributions'>): boolean {
  const parts = [...draft.awards, ...draft.contributions]
  return parts.length > 0 && parts.every((p) => p.perAnnum)
}

const FIELD_BY_CODE: Record<string, string[]> = {
  total_mismatch: ['total_amount', 'awards', 'contributions'],
  unreadable_amount: ['awards', 'contributions', 'total_amount'],
  irregular_amount: ['awards', 'contributions', 'total_amount'],
  period_conflict: ['service_period', 'awards'],
  dates_out_of_order: ['decision_date', 'service_period'],
}

/**
 * The field a finding concerns, so a reviewer sees it beside that value: a field whose source is the
 * finding's line (preferring the kind of field the finding is about), else the field its code is about.
 */
export function fieldOfFinding(
  finding: Finding,
  provenance: Record<string, Source>,
  draft: Pick<ExtractedDraft, 'awards' | 'contributions'>,
): string | null {
  const preferred = FIELD_BY_CODE[finding.code] ?? []
  if (finding.line !== null) {
    const keys = Object.entries(provenance)
      .filter(([, source]) => source.line === finding.line)
      .map(([key]) => key)
    const best = preferred
      .map((group) => keys.find((key) => key === group || key.startsWith(`${group}[`) || key.startsWith(`${group}.`)))
      .find(Boolean)
    if (best) return best.startsWith('service_period') ? 'service_period' : best
    if (keys.length) return groupOf(keys[0]!)
  }
  for (const group of preferred) {
    if (group === 'awards' && draft.awards.length === 0) continue
    if (group === 'contributions' && draft.contributions.length === 0) continue
    return group
  }
  return null
}

/** "funding_sources[1]" → "funding_sources", "service_period.end" → "service_period"; awards and contributions keep their row. */
function groupOf(key: string): string {
  if (/^(?:awards|contributions)\[\d+\]$/.test(key)) return key
  return key.replace(/\[\d+\]$/, '').replace(/\..*$/, '')
}

/** The title to store when the document gives none: it names the document, for a reviewer to correct. */
export function fallbackTitle(draft: Pick<ExtractedDraft, 'title' | 'kind' | 'reference'>, fileName: string): string {
  if (draft.title?.trim()) return draft.title.trim()
  if (draft.kind === 'foi_response' && draft.reference) return `Freedom of Information response ${draft.reference}`
  const stem = basename(fileName, extname(fileName)).replace(/[_-]+/g, ' ').trim()
  return stem || 'Imported document'
}

const MEDIA_TYPES: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html',
  text: 'text/plain',
}

export function mediaTypeOf(type: DocumentType, fileName: string): string {
  if (type === 'text' && /\.(?:md|markdown)$/i.test(fileName)) return 'text/markdown'
  return MEDIA_TYPES[type]
}

export function findingsWithFields(draft: ExtractedDraft) {
  return draft.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    line: f.line,
    field: fieldOfFinding(f, draft.provenance, draft),
  }))
}

/** The document's summary, decision as worded and background, as the parts of a record that hold them. */
export function narrativeParts(text: string): {
  executiveSummary: string | null
  decisionText: string | null
  sections: Array<{ key: string; heading: string; body: string }>
} {
  const narrative = findNarrative(text)
  return {
    executiveSummary: narrative.summary,
    decisionText: narrative.decisionText,
    sections: narrative.background
      ? [{ key: 'supporting_information', heading: 'Background', body: narrative.background }]
      : [],
  }
}
