import type { DecisionDetail } from '../../db/repositories/decisions/decisions.ts'
import { KIND_LABELS } from '../../domain/decision.ts'
import { describeAmount } from '../../domain/money-words.ts'
import { isRejected, signOffOutcomeText } from '../../domain/outcome.ts'
import { withheldNotice } from '../../domain/publication.ts'
import { formatPeriod, formatUkDate } from '../../domain/uk-date.ts'

export type NoticeBlock =
  | { type: 'fields'; rows: Array<[string, string]> }
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'signature'; role: string; name: string; date: string; outcome: string }

export interface Notice {
  officeName: string
  title: string
  reference: string
  blocks: NoticeBlock[]
}

/**
 * The printable notice of decision in the office's template: the public version, with withheld parts
 * replaced by the exemption they rely on. The page and the PDF are both drawn from it.
 */
export function buildNotice(detail: DecisionDetail): Notice {
  const d = detail.decision
  if (d.classification === 'confidential') return confidentialNotice(detail)
  const rejected = isRejected(detail.signOffs)
  const blocks: NoticeBlock[] = [
    {
      type: 'fields',
      rows: [
        ['Author', d.author_name ?? ''],
        ['For decision or information', KIND_LABELS[d.kind]],
        ['Date received', formatUkDate(d.date_received)],
        ['Reference', d.reference ?? ''],
        ...(rejected ? [['Outcome', 'Rejected'] as [string, string]] : []),
      ],
    },
  ]
  if (d.executive_summary)
    blocks.push({ type: 'heading', text: 'Executive summary' }, { type: 'paragraph', text: d.executive_summary })
  for (const s of detail.sections)
    blocks.push(
      { type: 'heading', text: s.heading },
      { type: 'paragraph', text: s.withheld ? withheldNotice(s.exemption) : s.body },
    )
  blocks.push(...awardBlocks(detail))
  const finance = financeSentence(d)
  if (finance) blocks.push({ type: 'paragraph', text: finance })
  if (d.decision_text) blocks.push({ type: 'heading', text: 'Decision' }, { type: 'paragraph', text: d.decision_text })
  if (rejected) {
    const reasons = detail.signOffs.filter((s) => s.stage === 'decision_maker').at(-1)?.comment
    blocks.push(
      { type: 'heading', text: 'Why the decision maker rejected it' },
      { type: 'paragraph', text: reasons || 'The decision maker gave no reasons.' },
    )
  }
  blocks.push(...signOffBlocks(detail))
  return { officeName: detail.officeName, title: d.title, reference: d.reference ?? '', blocks }
}

/** The awards the public may see, or the exemption that withholds them all. */
function awardBlocks(detail: DecisionDetail): NoticeBlock[] {
  const d = detail.decision
  if (d.awards_exemption)
    return [
      { type: 'heading', text: 'Awards' },
      { type: 'paragraph', text: withheldNotice(d.awards_exemption) },
    ]
  const awards = detail.awards.filter((a) => !a.withheld)
  if (!awards.length) return []
  return [
    { type: 'heading', text: 'Awards' },
    {
      type: 'fields',
      rows: awards.map((a) => [
        `${a.recipient_name}${noticePeriod(a) ? ` (${noticePeriod(a)})` : ''}`,
        describeAmount(a.amount_pence, { perAnnum: a.per_annum, upTo: a.up_to }),
      ]),
    },
  ]
}

/** "The funding is revenue and is within budget.", or nothing when the kind of funding is not recorded. */
function financeSentence(d: DecisionDetail['decision']): string | null {
  if (!d.revenue_or_capital) return null
  const kind = `The funding is ${d.revenue_or_capital === 'both' ? 'revenue and capital' : d.revenue_or_capital}`
  const budget = d.in_budget === null ? '' : d.in_budget ? 'and is within budget.' : 'and needs additional funding.'
  return `${kind} ${budget}`.trim()
}

/** Each signature with its outcome, and the decision maker's declaration of interests. */
function signOffBlocks(detail: DecisionDetail): NoticeBlock[] {
  const d = detail.decision
  const blocks: NoticeBlock[] = [{ type: 'heading', text: 'Sign-off' }]
  for (const s of detail.signOffs) {
    blocks.push({
      type: 'signature',
      role: s.signer_title ?? s.stage,
      name: s.signer_name ?? 'Signature held on file',
      date: formatUkDate(s.signed_on),
      outcome: signOffOutcomeText(s.stage, s.outcome),
    })
  }
  if (d.declaration)
    blocks.push(
      { type: 'heading', text: 'Declaration' },
      {
        type: 'paragraph',
        text:
          d.declaration === 'no_interest'
            ? 'The decision maker’s register of interests is up to date and no interest precludes this decision.'
            : `The decision maker declared an interest: ${d.declared_interest}`,
      },
    )
  return blocks
}

/** A confidential decision's notice: a stub saying that it exists and why it is withheld, and nothing else. */
function confidentialNotice(detail: DecisionDetail): Notice {
  const d = detail.decision
  const rows: Array<[string, string]> = [
    ['Reference', d.reference ?? ''],
    ['Office', detail.officeName],
    ['Date of decision', formatUkDate(d.date_decided ?? d.date_received)],
    ['Classification', 'Confidential'],
    ['Exemption', d.exemption ?? ''],
  ]
  return {
    officeName: detail.officeName,
    title: d.title,
    reference: d.reference ?? '',
    blocks: [
      { type: 'fields', rows },
      { type: 'paragraph', text: `This decision is confidential. ${withheldNotice(d.exemption)}.` },
    ],
  }
}

/** An award's period in GOV.UK style where its dates are known, else as printed. */
function noticePeriod(a: {
  period_start: string | null
  period_end: string | null
  period_label: string | null
}): string {
  return a.period_start && a.period_end ? formatPeriod(a.period_start, a.period_end) : (a.period_label ?? '')
}
