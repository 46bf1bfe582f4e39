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
 * Active staff who get a notification: holding one of `roles`, belonging to the office (or to none, as in a
 * register of one office), and not having turned the notification off.
 */
export async function staffRecipients(
  handle: Handle,
  kind: StaffNotificationKind,
  filter: { roles: readonly Role[]; officeId: number | null; userIds?: readonly number[] },
): Promise<StaffRecipient[]> {
  if (filter.userIds && filter.userIds.length === 0) return []
  let query = handle
    .selectFrom('users')
    .select(['id', 'name', 'email', 'roles'])
    .where('active', '=', true)
    .where(sql<boolean>`roles && ${sql`array[${sql.join(filter.roles.map((r) => sql.lit(r)))}]::text[]`}`)
  if (filter.officeId !== null)
    query = query.where((eb) => eb.or([eb('office_id', '=', filter.officeId), eb('office_id', 'is', null)]))
  if (filter.userIds) query = query.where('id', 'in', filter.userIds)
  const users = await query.orderBy('id').execute()
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
