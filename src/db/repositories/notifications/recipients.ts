import { sql, type Kysely, type Transaction } from 'kysely'
import type { Role } from '../../../domain/roles.ts'
import { wantsNotification, type StaffNotificationKind } from '../../../domain/notifications.ts'
import type { DB } from '../../tables/index.ts'

type Handle = Kysely<DB> | Transaction<DB>

export interface StaffRecipient {
  id: number
  name: string
  email: string
  roles: Role[]
}

/**
 * Active staff who get a notification: holding one of `roles` in the office (in any office when `officeId` is
 * null), and not having turned the notification off. `roles` of each recipient are those they hold there.
 */
export async function staffRecipients(
  handle: Handle,
  kind: StaffNotificationKind,
  filter: { roles: readonly Role[]; officeId: number | null; userIds?: readonly number[] },
): Promise<StaffRecipient[]> {
  if (filter.userIds && filter.userIds.length === 0) return []
  let query = handle
    .selectFrom('users')
    .innerJoin('office_memberships as m', 'm.user_id', 'users.id')
    .select(['users.id', 'users.name', 'users.email', 'm.roles'])
    .where('users.active', '=', true)
    .where(sql<boolean>`m.roles && ${sql`array[${sql.join(filter.roles.map((r) => sql.lit(r)))}]::text[]`}`)
  if (filter.officeId !== null) query = query.where('m.office_id', '=', filter.officeId)
  if (filter.userIds) query = query.where('users.id', 'in', filter.userIds)
  const memberships = await query.orderBy('users.id').execute()
  const byId = new Map<number, StaffRecipient>()
  for (const row of memberships) {
    const known = byId.get(row.id)
    if (known) known.roles = [...new Set([...known.roles, ...row.roles])]
    else byId.set(row.id, { id: row.id, name: row.name, email: row.email, roles: [...row.roles] })
  }
  const users = [...byId.values()]
  if (users.length === 0) return []
  const choices = await handle
    .selectFrom('notification_preferences')
    .select(['user_id', 'enabled'])
    .where('kind', '=', kind)
    .where(
      'user_id',
      'in',
      users.map((u) => u.id),
    )
    .execute()
  const byUser = new Map(choices.map((c) => [c.user_id, c.enabled]))
  return users.filter((user) => {
    const choice = byUser.get(user.id)
    return wantsNotification(kind, user.roles, new Map(choice === undefined ? [] : [[kind, choice]]))
  })
}

export async function preferencesOf(handle: Handle, userId: number): Promise<Map<string, boolean>> {
  const rows = await handle
    .selectFrom('notification_preferences')
    .select(['kind', 'enabled'])
    .where('user_id', '=', userId)
    .execute()
  return new Map(rows.map((r) => [r.kind, r.enabled]))
}

/** Replaces a person's choices: `enabled` for each kind they may have. */
export async function savePreferences(
  handle: Handle,
  userId: number,
  choices: ReadonlyArray<{ kind: string; enabled: boolean }>,
): Promise<void> {
  for (const choice of choices)
    await handle
      .insertInto('notification_preferences')
      .values({ user_id: userId, kind: choice.kind, enabled: choice.enabled })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ enabled: choice.enabled }))
      .execute()
}

/** The name an office's emails come from: the office's full name. */
export async function officeName(handle: Handle, officeId: number): Promise<string> {
  const row = await handle.selectFrom('organisations').select('name').where('id', '=', officeId).executeTakeFirst()
  return row?.name ?? 'Commissioning Register'
}

/** The register's home office: the sender of digests and of anything not tied to one office. */
export async function homeOffice(handle: Handle): Promise<{ id: number; name: string } | undefined> {
  return handle
    .selectFrom('register_settings as s')
    .innerJoin('organisations as o', 'o.id', 's.home_office_id')
    .select(['o.id', 'o.name'])
    .executeTakeFirst()
}
