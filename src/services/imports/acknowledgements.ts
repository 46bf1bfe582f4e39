/**
 * Error findings on an imported record: each is acknowledged, with a reason, before the record can be
 * confirmed. The form's values are kept as typed; the check is made again inside the confirming transaction.
 */
import type { Transaction } from 'kysely'
import type { DB } from '../../db/tables/index.ts'
import type { Actor, AuditService } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'

export interface Acknowledgement {
  findingId: number
  reason: string
}

/** One Error finding's checkbox and reason, as typed. */
export interface AcknowledgementValue {
  checked: boolean
  reason: string
}

export type AcknowledgementValues = Record<string, AcknowledgementValue>

const MAX_REASON = 1000
const str = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '')

/** The checkbox (`ack-<id>`) and reason (`ack-<id>-reason`) of each Error finding, as the form sent them. */
export function acknowledgementValuesFrom(body: Record<string, unknown>, findingIds: number[]): AcknowledgementValues {
  const values: AcknowledgementValues = {}
  for (const id of findingIds)
    values[String(id)] = { checked: str(body[`ack-${id}`]) === 'yes', reason: str(body[`ack-${id}-reason`]) }
  return values
}

/**
 * Every Error finding needs its box ticked and a reason; returns the acknowledgements, or a message per
 * missing box or reason, keyed by the field it belongs to.
 */
export function parseAcknowledgements(
  values: AcknowledgementValues,
  findings: Array<{ id: number; message: string }>,
): { acknowledgements: Acknowledgement[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {}
  const acknowledgements: Acknowledgement[] = []
  findings.forEach((f, i) => {
    const value = values[String(f.id)] ?? { checked: false, reason: '' }
    const reason = value.reason.replace(/\s+/g, ' ').trim()
    const which = findings.length > 1 ? `Error ${i + 1}` : 'The error'
    if (!value.checked)
      errors[`ack-${f.id}`] = `${which}: correct the record or acknowledge the error before confirming`
    else if (!reason) errors[`ack-${f.id}-reason`] = `${which}: give the reason for confirming the record as it stands`
    else if (reason.length > MAX_REASON)
      errors[`ack-${f.id}-reason`] = `${which}: the reason must be ${MAX_REASON} characters or fewer`
    else acknowledgements.push({ findingId: f.id, reason })
  })
  return { acknowledgements, errors }
}

/**
 * Inside the confirming transaction: refuses the confirmation (FormError) unless every unacknowledged
 * Error finding of the record is acknowledged with a reason, then stores who, when and why, audit-logged.
 */
export async function acknowledgeErrors(
  trx: Transaction<DB>,
  audit: AuditService,
  decisionId: number,
  given: Acknowledgement[],
  actor: Actor,
): Promise<void> {
  const open = await trx
    .selectFrom('findings')
    .select(['id', 'message', 'code', 'line'])
    .where('decision_id', '=', decisionId)
    .where('severity', '=', 'error')
    .where('acknowledged_at', 'is', null)
    .orderBy('line')
    .orderBy('id')
    .execute()
  const values: AcknowledgementValues = {}
  for (const a of given) values[String(a.findingId)] = { checked: true, reason: a.reason }
  const { acknowledgements, errors } = parseAcknowledgements(
    values,
    open.map((f) => ({ ...f, id: Number(f.id) })),
  )
  if (Object.keys(errors).length) throw new FormError(errors)
  const at = new Date()
  for (const a of acknowledgements) {
    const finding = open.find((f) => Number(f.id) === a.findingId)!
    await trx
      .updateTable('findings')
      .set({
        resolved: true,
        acknowledged_by: actor.userId,
        acknowledged_by_label: actor.label,
        acknowledged_at: at,
        acknowledgement: a.reason,
      })
      .where('id', '=', a.findingId)
      .execute()
    await audit.recordChange(trx, actor, 'import.acknowledge_error', ['finding', a.findingId], {
      after: { decisionId, code: finding.code, message: finding.message, reason: a.reason, at: at.toISOString() },
    })
  }
}
