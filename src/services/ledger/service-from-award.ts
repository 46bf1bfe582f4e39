import type { Database } from '../../db/database.ts'
import { inOfficeScope } from '../../db/repositories/office-scope.ts'
import type { ServiceRecord } from '../../db/repositories/ledger/service-writes.ts'
import type { OfficeScope } from '../../domain/office-scope.ts'
import { guessServiceType } from '../../domain/service-types.ts'

/**
 * A new service as its pages start from when created from an award of a decision of the scope's offices:
 * the award's recipient as provider, its lead commissioner, the decision's areas, the award's period, a name
 * from its purpose and the kind of service that purpose suggests. Undefined for an award the scope cannot see.
 */
export async function serviceRecordFromAward(
  db: Database['db'],
  awardId: number,
  scope: OfficeScope,
): Promise<{ record: ServiceRecord; recipientName: string; decisionTitle: string } | undefined> {
  const award = await db
    .selectFrom('awards as a')
    .innerJoin('decisions as d', 'd.id', 'a.decision_id')
    .select([
      'a.decision_id',
      'a.recipient_id',
      'a.recipient_name',
      'a.via_id',
      'a.period_start',
      'a.period_end',
      'a.purpose',
      'd.office_id',
      'd.title',
    ])
    .where('a.id', '=', awardId)
    .where(inOfficeScope(scope, 'd.office_id'))
    .executeTakeFirst()
  if (!award) return undefined
  const areas = await db
    .selectFrom('decision_areas')
    .select('area_id')
    .where('decision_id', '=', award.decision_id)
    .orderBy('area_id')
    .execute()
  const name = (award.purpose?.trim() || `${award.recipient_name}: ${award.title}`).slice(0, 200)
  return {
    recipientName: award.recipient_name,
    decisionTitle: award.title,
    record: {
      officeId: award.office_id,
      name,
      serviceType: guessServiceType(`${award.purpose ?? ''} ${award.title}`),
      description: null,
      areaIds: areas.map((a) => a.area_id),
      providerIds: award.recipient_id === null ? [] : [award.recipient_id],
      leadCommissionerId: award.via_id,
      partners: [],
      startDate: award.period_start,
      endDate: award.period_end,
      extensionMonths: null,
      extensionText: null,
      breakNoticeMonths: null,
      predecessorId: null,
    },
  }
}
