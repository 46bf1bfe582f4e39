import session from 'express-session'
import type { Kysely } from 'kysely'
import type { DB } from './tables/index.ts'

const DAY_MS = 86_400_000

/** express-session's store in the sessions table, so sessions survive a restart and can be revoked. */
export class DatabaseSessionStore extends session.Store {
  constructor(private readonly db: Kysely<DB>) {
    super()
  }

  override get(sid: string, callback: (error: unknown, session?: session.SessionData | null) => void): void {
    this.db
      .selectFrom('sessions')
      .select(['data', 'expires_at'])
      .where('sid', '=', sid)
      .executeTakeFirst()
      .then(
        (row) => callback(null, row && row.expires_at > new Date() ? (row.data as session.SessionData) : null),
        callback,
      )
  }

  override set(sid: string, data: session.SessionData, callback?: (error?: unknown) => void): void {
    const expires = data.cookie?.expires ? new Date(data.cookie.expires) : new Date(Date.now() + DAY_MS)
    const userId = (data as { userId?: number }).userId ?? null
    this.db
      .insertInto('sessions')
      .values({ sid, user_id: userId, data: JSON.stringify(data), expires_at: expires })
      .onConflict((oc) =>
        oc.column('sid').doUpdateSet({ user_id: userId, data: JSON.stringify(data), expires_at: expires }),
      )
      .execute()
      .then(
        () => callback?.(),
        (error) => callback?.(error),
      )
  }

  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    this.db
      .deleteFrom('sessions')
      .where('sid', '=', sid)
      .execute()
      .then(
        () => callback?.(),
        (error) => callback?.(error),
      )
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void): void {
    const expires = data.cookie?.expires ? new Date(data.cookie.expires) : new Date(Date.now() + DAY_MS)
    this.db
      .updateTable('sessions')
      .set({ expires_at: expires })
      .where('sid', '=', sid)
      .execute()
      .then(
        () => callback?.(),
        () => callback?.(),
      )
  }

  async removeExpired(): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute()
  }
}
