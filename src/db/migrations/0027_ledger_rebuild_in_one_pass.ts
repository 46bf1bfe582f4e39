import { sql, type Kysely } from 'kysely'
import { ledgerRefreshSql } from './ledger-refresh-sql.ts'

const CUBE_TRIGGERS = [
  ['ledger_awards', 'ledger_awards_cube_insert'],
  ['ledger_awards', 'ledger_awards_cube_delete'],
  ['ledger_years', 'ledger_years_cube_insert'],
  ['ledger_years', 'ledger_years_cube_delete'],
] as const

function cubeTriggers(action: 'enable' | 'disable'): string {
  return CUBE_TRIGGERS.map(([table, trigger]) => `alter table ${table} ${action} trigger ${trigger};`).join('\n      ')
}

/** The running totals over `source`'s rows, as the cube's statement triggers add them up row group by row group. */
function cubeTotals(source: 'ledger_awards' | 'ledger_years'): string {
  const perYear = source === 'ledger_years'
  const money = (filter: string, column = 'amount_pence') => `coalesce(sum(r.${column}) filter (where ${filter}), 0)`
  const oneOff = 'not r.per_annum and not r.up_to'
  const perAnnum = 'r.per_annum and not r.up_to'
  const columns = perYear
    ? 'share_one_off_pence, share_per_annum_pence, share_ceiling_pence'
    : 'unassigned_one_off_pence'
  const values = perYear
    ? `${money(oneOff, 'pence')}, ${money(perAnnum, 'pence')}, ${money('r.up_to', 'pence')}`
    : money(`${oneOff} and not r.has_years`)
  return `insert into ledger_cube (dim, value, financial_year, awards, one_off_pence, per_annum_count, per_annum_pence,
        ceiling_count, ceiling_pence, ${columns})
      select k.dim, k.value, ${perYear ? 'r.financial_year' : '0'}, count(*), ${money(oneOff)},
        count(*) filter (where ${perAnnum}), ${money(perAnnum)}, count(*) filter (where r.up_to), ${money('r.up_to')},
        ${values}
      from ${source} r
      cross join lateral ledger_dimensions(r.recipient_id, r.stream_id, r.lead_id, r.route, r.service_type, r.office_id,
        r.service_id, r.area_ids) k
      group by k.dim, k.value${perYear ? ', r.financial_year' : ''};`
}

/** Every award, by scanning and hashing the tables whole rather than looking each award up by its id. */
const EVERY_AWARD = { create: 'create function', matching: () => 'true' } as const

/**
 * The ledger's rebuild fills ledger_awards and ledger_years in one pass over every award, with the cube's statement
 * triggers off, then adds up the running totals and the flows once over all the rows. Before, it refreshed slices of
 * 10,000 awards, looking each award up by its id, and each slice's rows were merged into the totals by upsert.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    ${ledgerRefreshSql('ledger_fill', EVERY_AWARD, '')}
    alter function ledger_fill(bigint[]) set jit = off;
    create or replace function ledger_rebuild() returns void language plpgsql as $$
    begin
      truncate ledger_years, ledger_awards, ledger_cube, ledger_flow;
      ${cubeTriggers('disable')}
      perform ledger_fill(array(select id from awards));
      ${cubeTriggers('enable')}
      ${cubeTotals('ledger_awards')}
      ${cubeTotals('ledger_years')}
      insert into ledger_flow (stream_key, office_id, lead_key, recipient_key, recipient_id, recipient_name, one_off_pence)
        select coalesce(r.stream_id, 0), r.office_id, coalesce(r.lead_id, 0),
          coalesce(r.recipient_id::text, 'name:' || r.recipient_name), r.recipient_id, min(r.recipient_name), sum(r.amount_pence)
        from ledger_awards r where not r.per_annum and not r.up_to
        group by 1, 2, 3, 4, 5;
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
    drop function ledger_fill(bigint[]);
    create or replace function ledger_rebuild() returns void language plpgsql as $$
    declare
      slice bigint[];
    begin
      truncate ledger_years, ledger_awards, ledger_cube, ledger_flow;
      for slice in
        select array_agg(id) from (select id, (row_number() over (order by id) - 1) / 10000 as n from awards) numbered
        group by n
      loop
        perform ledger_refresh_now(slice);
      end loop;
    end
    $$;
  `,
    )
    .execute(db)
}
