import { TIMELINESS_LABELS, type Timeliness } from '../../../../domain/foi-clock.ts'
import {
  FOI_CHANNEL_LABELS,
  FOI_OUTCOME_LABELS,
  FOI_STATUS_LABELS,
  REVIEW_OUTCOME_LABELS,
  exemptionLabel,
  type FoiChannel,
  type FoiOutcome,
  type FoiStatus,
  type ReviewOutcome,
} from '../../../../domain/foi.ts'

/** The words and tag colours the FOI pages show for the stored codes. */
export const foiLabels = {
  status: (s: FoiStatus) => FOI_STATUS_LABELS[s] ?? s,
  outcome: (o: FoiOutcome | null) => (o ? (FOI_OUTCOME_LABELS[o] ?? o) : ''),
  channel: (c: FoiChannel) => FOI_CHANNEL_LABELS[c] ?? c,
  reviewOutcome: (o: ReviewOutcome | null) => (o ? (REVIEW_OUTCOME_LABELS[o] ?? o) : ''),
  exemption: (code: string | null) => exemptionLabel(code),
}

const TIMELINESS_TAGS: Record<Timeliness, string> = {
  on_time: 'govuk-tag--green',
  late: 'govuk-tag--orange',
  very_late: 'govuk-tag--red',
}

export function timelinessTag(t: Timeliness | null): { text: string; classes: string } | null {
  return t ? { text: TIMELINESS_LABELS[t], classes: TIMELINESS_TAGS[t] } : null
}

const STATUS_TAGS: Record<FoiStatus, string> = {
  received: 'govuk-tag--blue',
  awaiting_clarification: 'govuk-tag--yellow',
  in_progress: 'govuk-tag--light-blue',
  answered: 'govuk-tag--green',
  internal_review: 'govuk-tag--purple',
  referred_to_ico: 'govuk-tag--pink',
  closed: 'govuk-tag--grey',
}

export function statusTag(s: FoiStatus): { text: string; classes: string } {
  return { text: FOI_STATUS_LABELS[s] ?? s, classes: STATUS_TAGS[s] ?? '' }
}
