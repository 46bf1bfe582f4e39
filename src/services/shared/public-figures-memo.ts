import type { Database } from '../../db/database.ts'

/**
 * Figures computed over the whole public register (chart series, stream totals, ledger totals) kept until the data
 * they come from changes. Each read asks the database for the current state's token (one indexed row, changed by a
 * trigger on every statement that changes a source table); a figure computed under the same token is returned as
 * it was. Every process keeps its own entries, so workers never see each other's stale figures.
 */
export class PublicFiguresMemo {
  private readonly entries = new Map<string, { token: string; value: Promise<unknown> }>()

  constructor(
    private readonly database: Database,
    private readonly maxEntries = 500,
  ) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const token = await this.token()
    const known = this.entries.get(key)
    if (known && known.token === token) {
      // Least recently used last, so the first key is the one to drop.
      this.entries.delete(key)
      this.entries.set(key, known)
      return known.value as Promise<T>
    }
    const value = compute()
    this.entries.delete(key)
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, { token, value })
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key)
    })
    return value
  }

  private async token(): Promise<string> {
    const row = await this.database.db.selectFrom('public_figures_state').select('token').executeTakeFirst()
    return row?.token ?? ''
  }
}

/** A service that reads whole-register figures through a memo, its own unless one shared by every service is given. */
export abstract class PublicFiguresService {
  constructor(
    protected readonly database: Database,
    protected readonly figures = new PublicFiguresMemo(database),
  ) {}
}
