import type { ConditionFinding } from '../../../../domain/stream-conditions.ts'
import { ringFencedTypes } from '../../../../domain/stream-conditions.ts'
import { SERVICE_TYPE_LABELS, serviceTypeLabel } from '../../../../domain/service-types.ts'
import { formatUkDate } from '../../../../domain/uk-date.ts'
import type { ConditionsInput } from '../../../../services/ledger/stream-conditions.ts'

/** The summary list rows of a stream's conditions; with `changeBase`, each row has a Change link to its field. */
export function conditionRows(c: ConditionsInput, changeBase?: string) {
  const types = ringFencedTypes({ ringFencedServiceTypes: [], ringFenceNames: c.ringFenceNames })
  const rows: Array<[string, string, string]> = [
    ['Money', c.fundingStatus === 'expected' ? 'Expected, not yet confirmed' : 'Confirmed', 'fundingStatus'],
    ['Grant agreement reference', c.agreementReference ?? 'None', 'agreementReference'],
    [
      'Grant period',
      c.grantStart || c.grantEnd
        ? `${c.grantStart ? formatUkDate(c.grantStart) : 'Not stated'} to ${c.grantEnd ? formatUkDate(c.grantEnd) : 'not stated'}`
        : 'Not stated',
      'grantStart-day',
    ],
    ['Spend by', c.spendBy ? formatUkDate(c.spendBy) : 'No spend-by date', 'spendBy-day'],
    [
      'Ring-fenced to service types',
      c.ringFencedServiceTypes.map((t) => serviceTypeLabel(t)).join(', ') || 'None',
      'ringFencedServiceTypes',
    ],
    [
      'Named ring-fences',
      c.ringFenceNames.length
        ? `${c.ringFenceNames.join(', ')}${types.length ? ` (checked as ${types.map((t) => SERVICE_TYPE_LABELS[t]).join(', ')})` : ''}`
        : 'None',
      'ringFenceNames',
    ],
    ['Other conditions', c.conditionsText ?? 'None', 'conditionsText'],
  ]
  return rows.map(([key, value, field]) => ({
    key: { text: key },
    value: { text: value },
    ...(changeBase
      ? {
          actions: {
            items: [{ href: `${changeBase}#${field}`, text: 'Change', visuallyHiddenText: key.toLowerCase() }],
          },
        }
      : {}),
  }))
}

/** A finding with the tag that shows how grave it is. */
export function findingView(f: ConditionFinding) {
  return {
    ...f,
    tag:
      f.severity === 'error'
        ? { text: 'Breach', classes: 'govuk-tag--red' }
        : { text: 'Warning', classes: 'govuk-tag--orange' },
  }
}
