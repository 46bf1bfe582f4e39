/** The vocabulary of Freedom of Information requests, shared by the database, the services and the pages. */

export const FOI_STATUSES = [
  'received',
  'awaiting_clarification',
  'in_progress',
  'answered',
  'internal_review',
  'referred_to_ico',
  'closed',
] as const
export type FoiStatus = (typeof FOI_STATUSES)[number]

export const FOI_OUTCOMES = ['released_in_full', 'released_in_part', 'refused', 'not_held'] as const
export type FoiOutcome = (typeof FOI_OUTCOMES)[number]

export const FOI_CHANNELS = ['email', 'post', 'web_form', 'phone', 'in_person', 'other'] as const
export type FoiChannel = (typeof FOI_CHANNELS)[number]

export const REVIEW_OUTCOMES = ['upheld', 'partly_upheld', 'overturned'] as const
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number]

export const FOI_STATUS_LABELS: Record<FoiStatus, string> = {
  received: 'Received',
  awaiting_clarification: 'Awaiting clarification',
  in_progress: 'In progress',
  answered: 'Answered',
  internal_review: 'Internal review',
  referred_to_ico: 'Referred to the Information Commissioner',
  closed: 'Closed',
}

export const FOI_OUTCOME_LABELS: Record<FoiOutcome, string> = {
  released_in_full: 'Information released in full',
  released_in_part: 'Information released in part',
  refused: 'Refused',
  not_held: 'Information not held',
}

export const FOI_CHANNEL_LABELS: Record<FoiChannel, string> = {
  email: 'Email',
  post: 'Post',
  web_form: 'Web form',
  phone: 'Telephone',
  in_person: 'In person',
  other: 'Other',
}

export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  upheld: 'Original response upheld',
  partly_upheld: 'Original response partly upheld',
  overturned: 'Original response overturned',
}

/** Exemptions and refusal grounds an answer may cite, stored as their section ("s.43"). */
export const FOI_EXEMPTIONS = [
  { code: 's.12', label: 's.12 – cost of compliance exceeds the appropriate limit' },
  { code: 's.14', label: 's.14 – vexatious or repeated request' },
  { code: 's.21', label: 's.21 – information reasonably accessible by other means' },
  { code: 's.22', label: 's.22 – information intended for future publication' },
  { code: 's.30', label: 's.30 – investigations and proceedings' },
  { code: 's.31', label: 's.31 – law enforcement' },
  { code: 's.36', label: 's.36 – prejudice to the effective conduct of public affairs' },
  { code: 's.38', label: 's.38 – health and safety' },
  { code: 's.40', label: 's.40 – personal information' },
  { code: 's.41', label: 's.41 – information provided in confidence' },
  { code: 's.42', label: 's.42 – legal professional privilege' },
  { code: 's.43', label: 's.43 – commercial interests' },
] as const
export type FoiExemption = (typeof FOI_EXEMPTIONS)[number]['code']

export const REASONABLY_ACCESSIBLE = 's.21'

/** The exemptions under which a decision notice, or part of one, may be withheld from publication. */
export const DECISION_EXEMPTIONS: readonly FoiExemption[] = ['s.43', 's.40', 's.31', 's.38', 's.36', 's.41']

export function foiExemptionLabel(code: FoiExemption): string {
  return FOI_EXEMPTIONS.find((e) => e.code === code)?.label ?? code
}

export function isFoiExemption(code: string): code is FoiExemption {
  return FOI_EXEMPTIONS.some((e) => e.code === code)
}

export function exemptionLabel(code: string | null): string {
  return FOI_EXEMPTIONS.find((e) => e.code === code)?.label ?? code ?? ''
}

/** Something staff can do to a request. */
export type FoiAction =
  | 'seek_clarification'
  | 'clarification_received'
  | 'start'
  | 'extend'
  | 'answer'
  | 'request_review'
  | 'complete_review'
  | 'refer_to_ico'
  | 'close'

const ACTIONS: Record<FoiStatus, readonly FoiAction[]> = {
  received: ['start', 'seek_clarification', 'extend', 'answer', 'close'],
  awaiting_clarification: ['clarification_received', 'close'],
  in_progress: ['seek_clarification', 'extend', 'answer', 'close'],
  answered: ['request_review', 'refer_to_ico', 'close'],
  internal_review: ['complete_review', 'refer_to_ico'],
  referred_to_ico: ['close'],
  closed: ['request_review', 'refer_to_ico'],
}

export interface FoiActionState {
  status: FoiStatus
  clarificationSoughtOn: string | null
  answeredOn: string | null
  reviewRequestedOn: string | null
}

/**
 * What may be done next. Clarification is sought once (the reply restarts the clock); a review or a
 * referral needs an answer to review; a request that was answered can be reviewed only once.
 */
export function allowedActions(state: FoiActionState): FoiAction[] {
  return ACTIONS[state.status].filter((action) => {
    if (action === 'seek_clarification') return state.clarificationSoughtOn === null
    if (action === 'request_review') return state.answeredOn !== null && state.reviewRequestedOn === null
    if (action === 'refer_to_ico') return state.answeredOn !== null
    return true
  })
}

/** A request may be published to the disclosure log once it has been answered. */
export function isPublishable(state: { answeredOn: string | null; publishedOn: string | null }): boolean {
  return state.answeredOn !== null && state.publishedOn === null
}

export function isClockRunning(status: FoiStatus): boolean {
  return status === 'received' || status === 'in_progress'
}

/** The sentence the disclosure log shows for an exemption an answer relies on. */
export function exemptionNotice(code: string): string {
  const section = /(\d+)/.exec(code)?.[1]
  if (!section) return 'Withheld under the Freedom of Information Act 2000'
  const act = `section ${section} of the Freedom of Information Act 2000`
  if (section === '21')
    return `Already published, so exempt under ${act} (information reasonably accessible by other means)`
  if (section === '12')
    return `Refused under ${act}: finding the information would cost more than the appropriate limit`
  if (section === '14') return `Refused under ${act} (vexatious or repeated request)`
  const label = FOI_EXEMPTIONS.find((e) => e.code === `s.${section}`)?.label.replace(/^s\.\d+ – /, '')
  return `Withheld under ${act}${label ? ` (${label})` : ''}`
}
