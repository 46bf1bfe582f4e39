import type { Finding } from '../domain/finding-codes.ts'
import type { Pence } from '../domain/money.ts'

export type DocumentKind = 'decision' | 'report' | 'foi_response'
export type Route = 'direct_award' | 'framework_call_off' | 'open_tender' | 'grant'

/** Where a value came from: the 1-based line of the extracted text and that line as printed. */
export interface Source {
  line: number
  text: string
}

export interface AwardDraft {
  recipient: string
  amount: Pence
  period: string | null
  perAnnum: boolean
  upTo: boolean
  via: string | null
  route: Route | null
  source: Source
}

export interface ContributionDraft {
  organisation: string
  amount: Pence
  perAnnum: boolean
  upTo: boolean
  source: Source
}

export interface ServicePeriod {
  start: string | null
  end: string | null
  extension: string | null
}

/** What an extracted record says in the same words whether its money is in pence or in pounds. */
interface ExtractedBasics {
  file: string
  kind: DocumentKind
  office: string | null
  reference: string | null
  title: string | null
  areas: string[]
  findings: Finding[]
  provenance: Record<string, Source>
  /** Set when the text was read by OCR from a scan: how many pages, and Tesseract's mean word confidence. */
  ocr?: { pages: number; confidence: number }
}

/** The extracted record with money in integer pence. */
export interface ExtractedDraft extends ExtractedBasics {
  decisionDate: string | null
  totalAmount: Pence | null
  awards: AwardDraft[]
  contributions: ContributionDraft[]
  fundingSources: string[]
  servicePeriod: ServicePeriod
}

/** The record as the `extract --json` command prints it: money in pounds. */
export interface ExtractedRecord extends ExtractedBasics {
  decision_date: string | null
  total_amount: number | null
  awards: Array<{
    recipient: string
    amount: number
    period: string | null
    per_annum: boolean
    up_to: boolean
    via: string | null
    route: Route | null
  }>
  contributions: Array<{ organisation: string; amount: number; per_annum: boolean; up_to: boolean }>
  funding_sources: string[]
  service_period: ServicePeriod
}
