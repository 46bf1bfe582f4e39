import { sql, type Kysely } from 'kysely'

/**
 * Bulk work (a generated register, the demonstration data) can hold the ledger's read model off and rebuild it
 * once at the end, instead of refreshing it statement by statement: `ledger_refresh` does nothing while the
 * transaction's `cr.ledger_deferred` is 'on', and `ledger_rebuild()` rebuilds every ledger table from the awards.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter function ledger_refresh(bigint[]) rename to ledger_refresh_now;
    create function ledger_refresh(ids bigint[]) returns void language plpgsql as $$
    begin
      if coalesce(current_setting('cr.ledger_deferred', true), '') = 'on' then
        return;
      end if;
      perform ledger_refresh_now(ids);
    end
    $$;
    create function ledger_rebuild() returns void language plpgsql as $$
    begin
      truncate ledger_years, ledger_awards, ledger_cube, ledger_flow;
      perform ledger_refresh_now(array(select id from awards));
    end
    $$;
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
  `,
    )
    .execute(db)
}
