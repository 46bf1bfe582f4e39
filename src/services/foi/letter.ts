import { FOI_OUTCOME_LABELS, exemptionLabel, type FoiOutcome } from '../../domain/foi.ts'
import { formatUkDate } from '../../domain/uk-date.ts'
import type { FoiRequestRecord } from '../../db/repositories/foi/foi.ts'

/** The ICO's address for complaints about FOI requests, as it publishes it. */
export const ICO_CONTACT = [
  'Information Commissioner’s Office',
  'Wycliffe House, Water Lane, Wilmslow, Cheshire SK9 5AF',
  'Telephone: 0303 123 1113',
  'Website: ico.org.uk/make-a-complaint',
]

export interface FoiLetter {
  officeName: string
  officeContact: string
  reference: string
  /** The letter's date: the day the request was answered, or today for a draft. */
  date: string
  /** True while a question has no answer or exemption, or the request has no outcome: the letter is a draft. */
  draft: boolean
  unanswered: number[]
  salutation: string
  opening: string[]
  outcome: string | null
  questions: Array<{ number: number; question: string; answer: string; exemption: string | null; link: string | null }>
  exemptions: Array<{ code: string; label: string }>
  review: string[]
  ico: string[]
  signOff: string[]
}

const OUTCOME_SENTENCES: Record<FoiOutcome, string> = {
  released_in_full: 'We hold the information you asked for, and it is set out below.',
  released_in_part:
    'We hold the information you asked for. Some of it is set out below; the rest is withheld under the exemptions explained with each answer.',
  refused:
    'We hold information within the scope of your request, but it is withheld under the exemptions explained below.',
  not_held: 'We do not hold the information you asked for, as explained below.',
}

/**
 * The response letter to an FOI request, from its questions and answers: what was asked, each answer, the
 * exemptions relied on, the right to an internal review and to complain to the Information Commissioner.
 * `publicBaseUrl` makes each register page cited (section 21) a full address.
 */
export function buildFoiLetter(
  record: FoiRequestRecord,
  office: { contact: string } | undefined,
  today: string,
  publicBaseUrl: string,
): FoiLetter {
  const r = record.request
  const date = r.answered_on ?? today
  const unanswered = record.questions
    .map((q, i) => ({ q, n: i + 1 }))
    .filter(({ q }) => !q.answer?.trim() && !q.exemption)
    .map(({ n }) => n)
  const cited = [...new Set(record.questions.map((q) => q.exemption).filter((e): e is string => Boolean(e)))]
  const contact = office?.contact.trim() || record.officeName
  const opening = [
    `Thank you for your request for information, which we received on ${formatUkDate(r.received_on)}. We have dealt with it under the Freedom of Information Act 2000.`,
  ]
  if (r.clarification_sought_on)
    opening.push(
      `We asked you to clarify your request on ${formatUkDate(r.clarification_sought_on)}` +
        (r.clarification_received_on
          ? ` and received your reply on ${formatUkDate(r.clarification_received_on)}.`
          : '.'),
    )
  if (r.extended_deadline)
    opening.push(
      `We extended the time for our response to ${formatUkDate(r.extended_deadline)} to consider the public interest, as section 10(3) of the Act allows.`,
    )
  return {
    officeName: record.officeName,
    officeContact: contact,
    reference: r.reference,
    date,
    draft: unanswered.length > 0 || !r.outcome,
    unanswered,
    salutation: r.requester_name ? `Dear ${r.requester_name}` : 'Dear requester',
    opening,
    outcome: r.outcome ? `${FOI_OUTCOME_LABELS[r.outcome]}. ${OUTCOME_SENTENCES[r.outcome]}` : null,
    questions: record.questions.map((q, i) => ({
      number: i + 1,
      question: q.question,
      answer: q.answer?.trim() || (q.exemption ? 'Withheld: see the exemption below.' : 'No answer recorded yet.'),
      exemption: q.exemption ? exemptionLabel(q.exemption) : null,
      link: q.register_link ? new URL(q.register_link, publicBaseUrl).toString() : null,
    })),
    exemptions: cited.map((code) => ({ code, label: exemptionLabel(code) })),
    review: [
      `If you are unhappy with the way we have handled your request, you may ask for an internal review. Write to us within 40 working days of the date of this letter, quoting the reference ${r.reference}, at: ${contact}.`,
      'Someone who was not involved in the original response will review it, and we aim to reply within 20 working days.',
    ],
    ico: [
      'If you are still not satisfied after the internal review, you have the right to complain to the Information Commissioner under section 50 of the Act. The Commissioner will usually expect you to have asked for an internal review first.',
    ],
    signOff: ['Yours sincerely', 'Freedom of Information Officer', record.officeName],
  }
}
