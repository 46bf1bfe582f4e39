import { OfficeScope } from '../../domain/office-scope.ts'
import { z } from 'zod'
import type { Database } from '../../db/database.ts'
import { formatPence } from '../../domain/money.ts'
import { exceedsCeiling } from '../../domain/pro-rata.ts'
import type { Actor, AuditService } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import { financialYearField, poundsField } from '../shared/form-fields.ts'
import { reachableRecord } from '../../db/repositories/ledger/reachable.ts'

export const contributionForm = z.object({
  organisationId: z.string().regex(/^\d+$/, { message: 'Choose the partner' }).transform(Number),
  year: financialYearField(),
  amount: poundsField('Amount contributed'),
})

/** Partners' actual contributions to a commissioned service, year by year, within their "up to" ceilings. */
export class ContributionService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  /** The partners with a ceiling (or any contribution) on a service, for the form's choices. */
  async partners(serviceId: number): Promise<Array<{ id: number; name: string; ceilingPence: number | null }>> {
    const rows = await this.database.db
      .selectFrom('contributions')
      .select(['organisation_id', 'organisation_name', 'amount_pence', 'up_to', 'per_annum', 'financial_year'])
      .where('service_id', '=', serviceId)
      .where('organisation_id', 'is not', null)
      .orderBy('organisation_name')
      .execute()
    const partners = new Map<number, { id: number; name: string; ceilingPence: number | null }>()
    for (const row of rows) {
      const entry = partners.get(row.organisation_id!) ?? {
        id: row.organisation_id!,
        name: row.organisation_name,
        ceilingPence: null,
      }
      if (row.up_to && row.per_annum && row.financial_year === null) entry.ceilingPence = row.amount_pence
      partners.set(row.organisation_id!, entry)
    }
    return [...partners.values()]
  }

  /** Records what a partner contributes in one financial year. Above its "up to" ceiling is refused, naming the ceiling. */
  async record(serviceId: number, input: Record<string, unknown>, actor: Actor): Promise<void> {
    const parsed = contributionForm.safeParse(input)
    if (!parsed.success) throw FormError.fromZod(parsed.error)
    const { organisationId, year, amount } = parsed.data
    const partner = (await this.partners(serviceId)).find((p) => p.id === organisationId)
    if (!partner) throw new FormError({ organisationId: 'Choose a partner that contributes to this service' })
    if (exceedsCeiling(amount, partner.ceilingPence)) {
      throw new FormError({
        amount: `Amount contributed must not be more than ${partner.name}’s ceiling of up to ${formatPence(partner.ceilingPence!)} a year`,
      })
    }
    await this.database.transaction(async (trx) => {
      const service = await reachableRecord(trx, 'services', serviceId, actor.scope ?? OfficeScope.system)
      if (!service) throw new FormError({ organisationId: 'Choose a service of your office' })
      const existing = await trx
        .selectFrom('contributions')
        .select(['id', 'amount_pence'])
        .where('service_id', '=', serviceId)
        .where('organisation_id', '=', organisationId)
        .where('financial_year', '=', year)
        .where('up_to', '=', false)
        .executeTakeFirst()
      let id: number
      if (existing) {
        await trx.updateTable('contributions').set({ amount_pence: amount }).where('id', '=', existing.id).execute()
        id = existing.id
      } else {
        id = (
          await trx
            .insertInto('contributions')
            .values({
              service_id: serviceId,
              organisation_id: organisationId,
              organisation_name: partner.name,
              amount_pence: amount,
              financial_year: year,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      }
      await this.audit.recordChange(
        trx,
        actor,
        existing ? 'contribution.update' : 'contribution.create',
        ['contribution', id],
        {
          before: existing ? { amountPence: existing.amount_pence } : undefined,
          after: { serviceId, organisationId, financialYear: year, amountPence: amount },
        },
      )
    })
  }
}
