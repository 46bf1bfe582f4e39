import { monthLabel, PLAN_STATUS_LABELS } from '../../../../domain/forward-plan.ts'
import { formatPence } from '../../../../domain/money.ts'
import { formatUkDate } from '../../../../domain/uk-date.ts'
import type { PlanEntryRow } from '../../../../services/forward-plan/forward-plan.ts'

export const BASE = '/staff/forward-plan'

/** The field each error links to: the month box of the expected month. */
export function errorLinks(errors: Record<string, string>) {
  return Object.entries(errors).map(([field, text]) => ({
    text,
    href: `#${field === 'expectedMonth' ? 'expectedMonth-month' : field}`,
  }))
}

/** A planned decision's summary list rows, each detail with its Change link. */
export function entrySummaryRows(entry: PlanEntryRow) {
  const change = (field: string, what: string) => ({
    items: [{ href: `${BASE}/${entry.id}/change#${field}`, text: 'Change', visuallyHiddenText: what }],
  })
  const rows = [
    { key: { text: 'Office' }, value: { text: entry.officeName } },
    { key: { text: 'Title' }, value: { text: entry.title }, actions: change('title', 'title') },
    {
      key: { text: 'Expected month' },
      value: { text: monthLabel(entry.expectedMonth) },
      actions: change('expectedMonth-month', 'expected month'),
    },
    {
      key: { text: 'Estimated value' },
      value: { text: entry.estimatedValuePence === null ? 'Not given' : formatPence(entry.estimatedValuePence) },
      actions: change('estimatedValue', 'estimated value'),
    },
    {
      key: { text: 'Service' },
      value: { text: entry.serviceName ?? 'None' },
      actions: change('serviceId', 'service'),
    },
    {
      key: { text: 'Key decision' },
      value: { text: entry.keyDecision ? 'Yes' : 'No' },
      actions: change('keyDecision', 'key decision'),
    },
    { key: { text: 'Status' }, value: { text: PLAN_STATUS_LABELS[entry.status] } },
  ]
  if (entry.status === 'taken')
    rows.push({
      key: { text: 'Taken by' },
      value: {
        text: `${entry.decisionReference ?? 'No reference'}: ${entry.decisionTitle ?? ''}${entry.takenOn ? `, ${formatUkDate(entry.takenOn)}` : ''}`,
      },
      actions: {
        items: [{ href: `${BASE}/${entry.id}/link`, text: 'Change', visuallyHiddenText: 'decision that took it' }],
      },
    })
  if (entry.status === 'dropped')
    rows.push({
      key: { text: 'Dropped' },
      value: { text: `${formatUkDate(entry.droppedOn)}: ${entry.droppedReason ?? ''}` },
    })
  return rows
}
