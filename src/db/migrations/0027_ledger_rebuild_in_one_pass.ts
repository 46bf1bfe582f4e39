import { sql, type Kysely } from 'kysely'
import { addToCubeSql, ledgerFlowTableSql } from './ledger-cube-sql.ts'
import { ledgerRebuildInSlicesSql, ledgerRefreshSql } from './ledger-refresh-sql.ts'

/** Every award, by scanning and hashing the tables whole rather than looking each award up by its id. */
const EVERY_AWARD = { create: 'create function', matching: () => 'true' } as const

const CUBE_TRIGGERS = [
  ['ledger_awards', 'ledger_awards_cube_insert'],
  ['ledger_awards', 'ledger_awards_cube_delete'],
  ['ledger_years', 'ledger_years_cube_insert'],
  ['ledger_years', 'ledger_years_cube_delete'],
] as const

export function cubeTriggers(action: 'enable' | 'disable'): string {
  return CUBE_TRIGGERS.map(([table, trigger]) => `alter table ${table} ${action} trigger ${trigger};`).join('\n')
}

function cubeTriggerFunctions(awardsAlso: string): string {
  return `
    create or replace function ledger_cube_awards_changed() returns trigger language plpgsql as $$
    declare
      sign integer := tg_argv[0]::integer;
    begin
      ${addToCubeSql('changed_rows', false, 'sign')}
      ${awardsAlso}
      return null;
    end
    $$;
    create or replace function ledger_cube_years_changed() returns trigger language plpgsql as $$
    declare
      sign integer := tg_argv[0]::integer;
    begin
      ${addToCubeSql('changed_rows', true, 'sign')}
      return null;
    end
    $$;`
}

/** `ledger_rebuild()` as this migration made it: `ledger_fill` over every award, then the running totals. */
export function rebuildByFillSql(): string {
  return `${ledgerRefreshSql('ledger_fill', EVERY_AWARD, '')}
    alter function ledger_fill(bigint[]) set jit = off;
    create or replace function ledger_rebuild() returns void language plpgsql as $$
    begin
      truncate ledger_years, ledger_awards, ledger_cube;
      ${cubeTriggers('disable')}
      perform ledger_fill(array(select id from awards));
      ${cubeTriggers('enable')}
      ${addToCubeSql('ledger_awards', false, '1')}
      ${addToCubeSql('ledger_years', true, '1')}
    end
    $$;`
}

/**
 * Two changes to the ledger's read model, for bulk loads and for every change to an award:
 *
 * - ledger_flow, the money by stream, office, lead commissioner and recipient, is dropped: the flow diagram
 *   computes its bands from the ledger's years, and nothing read the table, yet every change to an award kept it.
 * - `ledger_rebuild()` fills ledger_awards and ledger_years in one pass over every award, with the running-total
 *   triggers off, then adds up the running totals once over all the rows. It used to refresh slices of 10,000
 *   awards, looking each one up by its id, and merge each slice's rows into the totals.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    drop table ledger_flow;
    ${cubeTriggerFunctions('')}
    ${rebuildByFillSql()}
  `,
    )
    .execute(db)
}

const FLOW_FROM_CHANGED_ROWS = `
      insert into ledger_flow as f (stream_key, office_id, lead_key, recipient_key, recipient_id, recipient_name, one_off_pence)
        select coalesce(r.stream_id, 0), r.office_id, coalesce(r.lead_id, 0), coalesce(r.recipient_id::text, 'name:' || r.recipient_name),
          r.recipient_id, min(r.recipient_name), sign * sum(r.amount_pence)
        from changed_rows r where not r.per_annum and not r.up_to
        group by 1, 2, 3, 4, 5
      on conflict (stream_key, office_id, lead_key, recipient_key) do update set one_off_pence = f.one_off_pence + excluded.one_off_pence;`

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    ${ledgerFlowTableSql('    ')}
    create trigger ledger_flow_public_figures after insert or update or delete or truncate on ledger_flow
      for each statement execute function public_figures_changed();
    ${cubeTriggerFunctions(FLOW_FROM_CHANGED_ROWS)}
    drop function ledger_fill(bigint[]);
    ${ledgerRebuildInSlicesSql('create or replace function')}
    select ledger_rebuild();
  `,
    )
    .execute(db)
}
