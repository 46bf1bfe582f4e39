import { sql, type Kysely } from 'kysely'
import {
  apportionAwardsSql,
  ledgerRebuildInSlicesSql,
  ledgerRefreshSql,
  type RefreshSqlOptions,
} from './ledger-refresh-sql.ts'

const AS_FIRST_WRITTEN: RefreshSqlOptions = {
  create: 'create or replace function',
  matching: (column) => `${column} = any(ids)`,
}

/** Rows matched by a join on the ids rather than `= any(ids)`, which compares each row with every id in turn. */
const BY_JOIN: RefreshSqlOptions = {
  create: 'create or replace function',
  matching: (column) => `${column} in (select unnest(ids))`,
}

/**
 * Bulk work (a generated register, the demonstration data) can hold the ledger's read model off and rebuild it
 * once at the end, instead of refreshing it statement by statement: `ledger_refresh` does nothing while the
 * transaction's `cr.ledger_deferred` is 'on', and `ledger_rebuild()` rebuilds every ledger table from the awards.
 * The refresh itself now matches rows to its ids by a join, so refreshing many awards at once is no longer quadratic.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter function ledger_refresh(bigint[]) rename to ledger_refresh_now;
    ${apportionAwardsSql(BY_JOIN)}
    ${ledgerRefreshSql('ledger_refresh_now', BY_JOIN, '')}
    -- generate_series is estimated at 1,000 rows a call, so the planner thinks the refresh huge and compiles it with
    -- JIT, which costs about two seconds a call while the work itself takes milliseconds.
    alter function ledger_refresh_now(bigint[]) set jit = off;
    create function ledger_refresh(ids bigint[]) returns void language plpgsql as $$
    begin
      if coalesce(current_setting('cr.ledger_deferred', true), '') = 'on' then
        return;
      end if;
      perform ledger_refresh_now(ids);
    end
    $$;
    -- In slices of 10,000 awards, so that no one statement holds the whole register in memory.
    ${ledgerRebuildInSlicesSql('create function')}
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    drop function ledger_rebuild();
    drop function ledger_refresh(bigint[]);
    alter function ledger_refresh_now(bigint[]) rename to ledger_refresh;
    ${apportionAwardsSql(AS_FIRST_WRITTEN)}
    ${ledgerRefreshSql('ledger_refresh', AS_FIRST_WRITTEN, '\n    where e.award_id = any(ids)')}
  `,
    )
    .execute(db)
}
