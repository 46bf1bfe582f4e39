import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import type { AppendixSummary } from '../../../../db/repositories/decisions/draft-parts.ts'
import { CLASSIFICATION_LABELS, KIND_LABELS, LINK_LABELS } from '../../../../domain/decision.ts'
import { formatPence } from '../../../../domain/money.ts'
import { amountText } from './awards.ts'

interface Row {
  key: { text: string }
  value: { text: string }
  actions: { items: Array<{ href: string; text: string; visuallyHiddenText: string }> }
}

interface Section {
  title: string
  rows: Row[]
}

/** Check your answers: every answer of the draft, section by section, each with a Change link to its question. */
export function checkAnswers(detail: DecisionDetail, appendices: readonly AppendixSummary[]): Section[] {
  const base = `/staff/decisions/${detail.decision.id}`
  return [
    { title: 'Decision details', rows: detailsRows(detail, base) },
    { title: 'Financial information', rows: financeRows(detail, base) },
    {
      title: 'Areas served',
      rows: [row('Areas', detail.areas.map((a) => a.name).join(', '), `${base}/areas`)],
    },
    { title: 'Awards', rows: rowsOrNone(detail.awards, (a) => awardRow(a, base), 'Awards', `${base}/awards`) },
    {
      title: 'Partner contributions',
      rows: rowsOrNone(
        detail.contributions,
        (c) => contributionRow(c, base),
        'Partner contributions',
        `${base}/contributions`,
      ),
    },
    {
      title: 'Appendices',
      rows: rowsOrNone(appendices, (a) => appendixRow(a, base), 'Appendices', `${base}/appendices`),
    },
    classificationSection(detail, base),
    relatedSection(detail, base),
  ]
}

function row(key: string, value: string | null | undefined, href: string): Row {
  return {
    key: { text: key },
    value: { text: value || 'Not given' },
    actions: { items: [{ href, text: 'Change', visuallyHiddenText: key.toLowerCase() }] },
  }
}

/** One row for each item, or a single "None" row linking to where the first is added. */
function rowsOrNone<T>(items: readonly T[], toRow: (item: T) => Row, key: string, href: string): Row[] {
  return items.length ? items.map(toRow) : [row(key, 'None', href)]
}

function section(detail: DecisionDetail, key: string) {
  return detail.sections.find((s) => s.key === key)
}

/** " (withheld under …)" after a section's name when its text is withheld. */
function withheld(detail: DecisionDetail, key: string): string {
  const s = section(detail, key)
  return s?.withheld ? ` (withheld under ${s.exemption})` : ''
}

function detailsRows(detail: DecisionDetail, base: string): Row[] {
  const d = detail.decision
  return [
    row('Title', d.title, `${base}/details#title`),
    row('For decision or information', KIND_LABELS[d.kind], `${base}/details#kind`),
    row('Author', d.author_name, `${base}/details#authorName`),
    row('Author’s contact details', d.author_contact, `${base}/details#authorContact`),
    row('Executive summary', d.executive_summary, `${base}/details#executiveSummary`),
    row(
      'Information in support' + withheld(detail, 'supporting_information'),
      section(detail, 'supporting_information')?.body,
      `${base}/details#supportingInformation`,
    ),
    row(
      'Recommendations' + withheld(detail, 'recommendations'),
      section(detail, 'recommendations')?.body,
      `${base}/details#recommendations`,
    ),
    row('Decision', d.decision_text, `${base}/details#decisionText`),
  ]
}

function financeRows(detail: DecisionDetail, base: string): Row[] {
  const d = detail.decision
  return [
    row('Revenue or capital', d.revenue_or_capital, `${base}/finance#revenueOrCapital`),
    row(
      'Within budget',
      d.in_budget === null ? null : d.in_budget ? 'Yes' : 'No, it needs additional funding',
      `${base}/finance#inBudget`,
    ),
    row(
      'Financial information' + withheld(detail, 'financial_information'),
      section(detail, 'financial_information')?.body,
      `${base}/finance#financialInformation`,
    ),
    row(
      'Total stated in the notice',
      d.stated_total_pence === null ? 'None stated' : formatPence(d.stated_total_pence),
      `${base}/finance#statedTotal`,
    ),
  ]
}

function awardRow(a: DecisionDetail['awards'][number], base: string): Row {
  return row(
    a.recipient_name,
    [amountText(a.amount_pence, a.per_annum, a.up_to), a.period_label, a.stream_name, a.purpose]
      .filter(Boolean)
      .join(' · '),
    `${base}/awards/${a.id}`,
  )
}

function contributionRow(c: DecisionDetail['contributions'][number], base: string): Row {
  return row(
    c.organisation_name,
    [amountText(c.amount_pence, c.per_annum, c.up_to), c.condition].filter(Boolean).join(' · '),
    `${base}/contributions/${c.id}`,
  )
}

function appendixRow(a: AppendixSummary, base: string): Row {
  return row(
    a.title,
    `${a.fileName} · ${a.withheld ? `withheld under ${a.exemption}` : 'published with the decision'}`,
    `${base}/appendices`,
  )
}

function classificationSection(detail: DecisionDetail, base: string): Section {
  const d = detail.decision
  return {
    title: 'Classification',
    rows: [
      row(
        'Classification',
        CLASSIFICATION_LABELS[d.classification] +
          (d.exemption ? ` (${d.exemption})` : '') +
          (d.awards_exemption ? `; awards withheld (${d.awards_exemption})` : ''),
        `${base}/classification`,
      ),
    ],
  }
}

function relatedSection(detail: DecisionDetail, base: string): Section {
  return {
    title: 'Related decisions',
    rows: [
      row(
        'Related decisions',
        detail.links
          .filter((l) => l.direction === 'from')
          .map((l) => `${LINK_LABELS[l.kind]} ${l.reference ?? l.title}`)
          .join(', ') || 'None',
        `${base}/links`,
      ),
    ],
  }
}
