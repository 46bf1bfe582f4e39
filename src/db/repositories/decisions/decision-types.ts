import type { SnippetPart } from '../../../domain/search-query.ts'
import { type Kysely, type Selectable, type Transaction } from 'kysely'
import type {
  Classification,
  DecisionKind,
  DecisionStatus,
  ProcurementRoute,
  SignOffStage,
  LinkKind,
} from '../../../domain/decision.ts'
import type {
  AwardsTable,
  ContributionsTable,
  DB,
  DecisionsTable,
  DecisionSectionsTable,
  FindingsTable,
  SignOffsTable,
} from '../../tables/index.ts'

export type Handle = Kysely<DB> | Transaction<DB>

export interface NewSection {
  position?: number
  key?: string
  heading: string
  body: string
  withheld?: boolean
  exemption?: string | null
}

export interface NewAward {
  recipientId: number | null
  recipientName: string
  amountPence: number
  periodLabel?: string | null
  periodStart?: string | null
  periodEnd?: string | null
  financialYear?: number | null
  perAnnum?: boolean
  upTo?: boolean
  viaId?: number | null
  route?: ProcurementRoute | null
  routeJustification?: string | null
  fundingStreamId?: number | null
  serviceId?: number | null
  purpose?: string | null
  condition?: string | null
  withheld?: boolean
}

export interface NewContribution {
  organisationId: number | null
  organisationName: string
  amountPence: number
  perAnnum?: boolean
  upTo?: boolean
  financialYear?: number | null
  condition?: string | null
  proRataWithPartners?: boolean
  serviceId?: number | null
}

export interface NewFinding {
  code: string
  severity: 'error' | 'warning'
  message: string
  field?: string | null
  line?: number | null
}

export interface NewSignOff {
  stage: SignOffStage
  outcome: 'approved' | 'rejected' | 'returned'
  signerUserId?: number | null
  signerName?: string | null
  signerTitle?: string | null
  signedOn: string
  comment?: string | null
}

export interface NewDecision {
  officeId: number
  officeShortName: string
  reference: string | null
  kind: DecisionKind
  title: string
  status: DecisionStatus
  reviewStatus?: 'unreviewed' | 'reviewed'
  dateReceived?: string | null
  dateDecided?: string | null
  datePublished?: string | null
  authorName?: string | null
  authorContact?: string | null
  classification?: Classification
  exemption?: string | null
  executiveSummary?: string | null
  decisionText?: string | null
  revenueOrCapital?: 'revenue' | 'capital' | 'both' | null
  inBudget?: boolean | null
  declaration?: 'no_interest' | 'interest_declared' | null
  declaredInterest?: string | null
  decisionMakerName?: string | null
  decisionMakerTitle?: string | null
  statedTotalPence?: number | null
  statedTotalPerAnnum?: boolean
  sourceDocumentId?: number | null
  createdBy?: number | null
  sections?: NewSection[]
  awards?: NewAward[]
  contributions?: NewContribution[]
  findings?: NewFinding[]
  signOffs?: NewSignOff[]
  areaIds?: number[]
}

export interface DecisionListFilter {
  text?: string
  officeId?: number
  offices?: number[]
  financialYear?: number
  page: number
  pageSize: number
}

export interface DecisionListRow {
  id: number
  slug: string | null
  reference: string | null
  title: string
  kind: DecisionKind
  status: DecisionStatus
  classification: Classification
  officeName: string
  date: string | null
  statedTotalPence: number | null
  statedTotalPerAnnum: boolean
  awardTotalPence: number | null
  moneyWithheld: boolean
  /** The decision maker's latest sign-off rejected it. */
  rejected: boolean
  /** Where the search words were found in its public text or published document, with them marked. */
  snippet?: SnippetPart[] | null
}

export interface DecisionDetail {
  decision: Selectable<DecisionsTable>
  officeName: string
  officeSlug: string
  sections: Selectable<DecisionSectionsTable>[]
  awards: Array<
    Selectable<AwardsTable> & { via_name: string | null; stream_name: string | null; recipient_slug: string | null }
  >
  /** With the name of the funding stream a contribution subject to funding depends on. */
  contributions: Array<Selectable<ContributionsTable> & { funding_stream_name: string | null }>
  findings: Selectable<FindingsTable>[]
  signOffs: Selectable<SignOffsTable>[]
  areas: Array<{ name: string; slug: string }>
  links: Array<{
    kind: LinkKind
    direction: 'from' | 'to'
    reference: string | null
    title: string
    slug: string | null
  }>
}
