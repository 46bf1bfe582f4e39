import { sql, type Kysely, type Transaction } from 'kysely'
import type { DB } from '../../db/tables/index.ts'
import { OfficeScope, type OfficeMembership } from '../../domain/office-scope.ts'
import type { Role } from '../../domain/roles.ts'
import { AccountError, type User, type UserRow } from './account-types.ts'

type Handle = Kysely<DB> | Transaction<DB>

/** Each person's roles per office, read for many people in one query. */
export async function membershipsOf(handle: Handle, userIds: number[]): Promise<Map<number, OfficeMembership[]>> {
  const found = new Map<number, OfficeMembership[]>(userIds.map((id) => [id, []]))
  if (!userIds.length) return found
  const rows = await handle
    .selectFrom('office_memberships')
    .select(['user_id', 'office_id', 'roles'])
    .where('user_id', 'in', userIds)
    .orderBy('office_id')
    .execute()
  for (const row of rows) found.get(row.user_id)?.push({ officeId: row.office_id, roles: row.roles })
  return found
}

/** Rows of the users table with their memberships, and their roles in any office for the navigation. */
export async function withMemberships(handle: Handle, rows: UserRow[]): Promise<User[]> {
  const memberships = await membershipsOf(
    handle,
    rows.map((r) => r.id),
  )
  return rows.map((row) => {
    const mine = memberships.get(row.id) ?? []
    return { ...row, memberships: mine, roles: OfficeScope.of(mine, row.deployment_admin).roles() }
  })
}

/** The scope of a person: their offices and roles in each. */
export function scopeOf(user: Pick<User, 'memberships' | 'deployment_admin'>): OfficeScope {
  return OfficeScope.of(user.memberships, user.deployment_admin)
}

/** The office an account change is made in: the one given, else the home office, else the only office. */
export async function officeForAccount(handle: Handle, officeId: number | undefined): Promise<number | undefined> {
  if (officeId !== undefined) {
    const office = await handle
      .selectFrom('offices')
      .select('organisation_id')
      .where('organisation_id', '=', officeId)
      .executeTakeFirst()
    if (!office) throw new AccountError('There is no such office', 'office')
    return office.organisation_id
  }
  const home = await handle.selectFrom('register_settings').select('home_office_id').executeTakeFirst()
  if (home?.home_office_id) return home.home_office_id
  const offices = await handle.selectFrom('offices').select('organisation_id').limit(2).execute()
  return offices.length === 1 ? offices[0]!.organisation_id : undefined
}

/** Gives a person roles in an office, replacing what they held there. */
export async function putMembership(trx: Transaction<DB>, userId: number, officeId: number, roles: Role[]) {
  await trx
    .insertInto('office_memberships')
    .values({ user_id: userId, office_id: officeId, roles: sql`${sql.val(roles)}::text[]` })
    .onConflict((oc) => oc.columns(['user_id', 'office_id']).doUpdateSet({ roles: sql`excluded.roles` }))
    .execute()
}

/**
 * Refuses a change to an account the actor's scope does not reach: a person who works for none of the actor's
 * offices (only a deployment administrator, or the system, reaches everyone).
 */
export async function assertReaches(handle: Handle, userId: number, scope: OfficeScope | undefined): Promise<void> {
  if (!scope || scope.allOffices) return
  const ids = scope.officeIds() ?? []
  const row = ids.length
    ? await handle
        .selectFrom('office_memberships')
        .select('user_id')
        .where('user_id', '=', userId)
        .where('office_id', 'in', ids)
        .executeTakeFirst()
    : undefined
  if (!row) throw new AccountError('There is no such account')
}
