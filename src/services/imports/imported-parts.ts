import type { Transaction } from 'kysely'
import type { NewAward, NewContribution } from '../../db/repositories/decisions/decisions.ts'
import type { DB } from '../../db/tables/index.ts'
import type { ExtractedDraft } from '../../extract/index.ts'
import { awardPeriod } from './draft.ts'
import type { OrganisationMatcher } from './organisations.ts'

/** The draft's awards and contributions as the register stores them, each organisation matched (or created) on the way. */
export async function importedParts(
  trx: Transaction<DB>,
  organisations: OrganisationMatcher,
  draft: ExtractedDraft,
): Promise<{ awards: NewAward[]; contributions: NewContribution[] }> {
  const fundingStreamId = await fundingStreamIdFor(trx, draft.fundingSources)
  const awards: NewAward[] = []
  for (const a of draft.awards) {
    const recipient = await organisations.match(a.recipient, 'provider')
    const via = a.via ? await organisations.match(a.via, 'council') : null
    const period = awardPeriod(a.period, draft.servicePeriod)
    awards.push({
      recipientId: recipient.id,
      recipientName: a.recipient,
      amountPence: a.amount,
      periodLabel: period.label,
      periodStart: period.start,
      periodEnd: period.end,
      financialYear: period.financialYear,
      perAnnum: a.perAnnum,
      upTo: a.upTo,
      viaId: via?.id ?? null,
      route: a.route,
      fundingStreamId,
    })
  }
  const contributions: NewContribution[] = []
  for (const c of draft.contributions) {
    const organisation = await organisations.match(c.organisation, 'other')
    contributions.push({
      organisationId: organisation.id,
      organisationName: c.organisation,
      amountPence: c.amount,
      perAnnum: c.perAnnum,
      upTo: c.upTo,
    })
  }
  return { awards, contributions }
}

/** The register's funding stream when the document names exactly one that the register knows by that name. */
async function fundingStreamIdFor(trx: Transaction<DB>, sources: string[]): Promise<number | null> {
  if (sources.length !== 1) return null
  const rows = await trx
    .selectFrom('funding_streams')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['name']), '=', sources[0]!.toLowerCase()))
    .limit(2)
    .execute()
  return rows.length === 1 ? rows[0]!.id : null
}
