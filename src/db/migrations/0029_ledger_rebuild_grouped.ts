import { sql, type Kysely } from 'kysely'
import { cubeFromScratchSql } from './ledger-cube-sql.ts'
import { apportionQuerySql, ledgerAwardsFillSql, ledgerYearsFillSql } from './ledger-refresh-sql.ts'
import { cubeTriggers, rebuildByFillSql } from './0027_ledger_rebuild_in_one_pass.ts'

/** Every award's areas, from one pass over each table: its service's areas where it has any, else its decision's. */
const AREAS_BY_JOIN = {
  areaIds: `coalesce(service_areas.area_ids, decision_areas.area_ids, '{}')`,
  joins: `
    left join (select service_id, array_agg(area_id order by area_id) as area_ids from service_areas group by service_id)
      service_areas on service_areas.service_id = a.service_id
    left join (select decision_id, array_agg(area_id order by area_id) as area_ids from decision_areas group by decision_id)
      decision_areas on decision_areas.decision_id = a.decision_id`,
}

/** Every award's shares of each financial year, from one pass over the awards rather than a lookup of each id. */
const EVERY_AWARD_APPORTIONED = `(select * from (${apportionQuerySql(() => 'true')}) apportioned (award_id, financial_year, pence))`

/**
 * `ledger_rebuild()` rebuilds the ledger's read model with set operations over whole tables, for bulk loads:
 * - each award's areas come from two grouped joins instead of two lookups an award;
 * - the awards' shares of each year are worked out over every award at once, not looked up by id;
 * - the running totals are added up with grouping sets, one pass over the rows, instead of one row for every
 *   dimension of every ledger row.
 * The rows it writes are the same as before (a test compares it with the statement-by-statement refresh).
 * It sorts in memory up to 64 MB and runs without JIT, whose compiling costs more than the work here.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    drop function ledger_fill(bigint[]);
    create or replace function ledger_rebuild() returns void language plpgsql
    set jit = off set work_mem = '64MB' as $$
    begin
      truncate ledger_years, ledger_awards, ledger_cube;
      ${cubeTriggers('disable')}
    ${ledgerAwardsFillSql('true', AREAS_BY_JOIN.areaIds, AREAS_BY_JOIN.joins)}
    ${ledgerYearsFillSql(EVERY_AWARD_APPORTIONED, '')}
      ${cubeTriggers('enable')}
      ${cubeFromScratchSql('ledger_awards', false)}
      ${cubeFromScratchSql('ledger_years', true)}
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
    ${rebuildByFillSql()}
  `,
    )
    .execute(db)
}
