import type { Kysely } from 'kysely'
import type { OfficeScope } from '../../../domain/office-scope.ts'
import type { DB } from '../../tables/index.ts'
import { ownedOrSharedInScope } from '../office-scope.ts'

/** A service or funding stream that the scope's offices own, or that no office owns: its id and name. */
export function reachableRecord(
  handle: Pick<Kysely<DB>, 'selectFrom'>,
  table: 'services' | 'funding_streams',
  id: number,
  scope: OfficeScope,
): Promise<{ id: number; name: string } | undefined> {
  return handle
    .selectFrom(table)
    .select(['id', 'name'])
    .where('id', '=', id)
    .where(ownedOrSharedInScope(scope, 'office_id'))
    .executeTakeFirst()
}
