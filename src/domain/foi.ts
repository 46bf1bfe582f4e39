/** The vocabulary of Freedom of Information requests, shared by the database, the services and the pages. */
import { labelledWords } from './words.ts'

export const { words: FOI_STATUSES, labels: FOI_STATUS_LABELS } = labelledWords({
  received: 'Received',
  awaiting_clarification: 'Awaiting clarification',
  in_progress: 'In progress',
  answered: 'Answered',
  internal_review: 'Internal review',
  referred_to_ico: 'Referred to the Information Commissioner',
  closed: 'Closed',
})
export type FoiStatus = (typeof FOI_STATUSES)[number]

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

export function isClockRunning(status: FoiStatus): boolean {
  return status === 'received' || status === 'in_progress'
}

export const { words: FOI_OUTCOMES, labels: FOI_OUTCOME_LABELS } = labelledWords({
  released_in_full: 'Information released in full',
  released_in_part: 'Information released in part',
  refused: 'Refused',
  not_held: 'Information not held',
})
export type FoiOutcome = (typeof FOI_OUTCOMES)[number]

/** A request may be published to the disclosure log once it has been answered. */
export function isPublishable(state: { answeredOn: string | null; publishedOn: string | null }): boolean {
  return state.answeredOn !== null && state.publishedOn === null
}

export const { words: FOI_CHANNELS, labels: FOI_CHANNEL_LABELS } = labelledWords({
  email: 'Email',
  post: 'Post',
  web_form: 'Web form',
  phone: 'Telephone',
  in_person: 'In person',
  other: 'Other',
})
export type FoiChannel = (typeof FOI_CHANNELS)[number]

export const { words: REVIEW_OUTCOMES, labels: REVIEW_OUTCOME_LABELS } = labelledWords({
  upheld: 'Original response upheld',
  partly_upheld: 'Original response partly upheld',
  overturned: 'Original response overturned',
})
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number]

/** Exemptions and refusal grounds an answer may cite, stored as their section ("s.43"). */
const EXEMPTIONS = labelledWords({
  's.12': 's.12 – cost of compliance exceeds the appropriate limit',
  's.14': 's.14 – vexatious or repeated request',
  's.21': 's.21 – information reasonably accessible by other means',
  's.22': 's.22 – information intended for future publication',
  's.30': 's.30 – investigations and proceedings',
  's.31': 's.31 – law enforcement',
  's.36': 's.36 – prejudice to the effective conduct of public affairs',
  's.38': 's.38 – health and safety',
  's.40': 's.40 – personal information',
  's.41': 's.41 – information provided in confidence',
  's.42': 's.42 – legal professional privilege',
  's.43': 's.43 – commercial interests',
})
export type FoiExemption = (typeof EXEMPTIONS.words)[number]
export const FOI_EXEMPTIONS = EXEMPTIONS.words.map((code) => ({ code, label: EXEMPTIONS.labels[code] }))

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
