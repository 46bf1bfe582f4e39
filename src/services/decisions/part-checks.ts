import { type Transaction } from 'kysely'
import { DraftPartsRepository } from '../../db/repositories/decisions/draft-parts.ts'
import { OrganisationRepository } from '../../db/repositories/ledger/organisations.ts'
import type { DB } from '../../db/tables/index.ts'
import type { OrganisationKind } from '../../domain/organisation.ts'
import type { OrganisationPick } from './draft-part-types.ts'
import { WorkflowError, type DecisionRow } from './workflow-types.ts'

/** The checks an award or contribution passes inside its transaction: chosen things exist, names resolve. */
export async function checkChoices(
  trx: Transaction<DB>,
  decision: DecisionRow,
  streamId: number | null,
  serviceId: number | null,
  streamField = 'stream',
): Promise<void> {
  if (streamId !== null) {
    const stream = await trx.selectFrom('funding_streams').select('id').where('id', '=', streamId).executeTakeFirst()
    if (!stream) throw new WorkflowError('Choose a funding stream from the list', streamField)
  }
  if (serviceId !== null) {
    const service = await trx
      .selectFrom('services')
      .select('id')
      .where('id', '=', serviceId)
      .where((eb) => eb.or([eb('office_id', '=', decision.office_id), eb('office_id', 'is', null)]))
      .executeTakeFirst()
    if (!service) throw new WorkflowError('Choose a commissioned service from the list', 'service')
  }
}

export async function organisationFor(
  trx: Transaction<DB>,
  pick: OrganisationPick,
  kind: OrganisationKind,
  field: string,
): Promise<{ id: number; name: string }> {
  const organisations = new OrganisationRepository(trx)
  if ('id' in pick) {
    const name = await new DraftPartsRepository(trx).organisationName(pick.id, trx)
    if (name === undefined) throw new WorkflowError('Choose an organisation from the list', field)
    return { id: pick.id, name }
  }
  const known = await organisations.findByNameOrAlias(pick.newName, trx)
  if (known) return { id: known.id, name: known.name }
  const created = await organisations.create({ name: pick.newName, kind }, trx)
  await trx.updateTable('organisations').set({ needs_review: true }).where('id', '=', created.id).execute()
  return { id: created.id, name: created.name }
}
