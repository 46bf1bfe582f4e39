import { sql, type Kysely } from 'kysely'

/**
 * The public words of each decision in one row, so that a search of the register is one index scan of one narrow
 * table instead of a union of scans over the decisions, every award, the areas and the services, whose heap visits
 * grew with the register (a common word took over a second at 100,000 decisions).
 *
 * A decision's words are its own (`decisions.search`: reference, title, public text) and, unless it is
 * confidential, the names around it: the recipients and purposes of its public awards, its areas, and the
 * services it commissions, funds through a public award or contributes to. The published document a decision was
 * imported from stays searched through its own index, since its text can be larger than one text vector holds.
 *
 * Statement-level triggers keep the table as the rows it is made from change; bulk work that sets
 * `cr.ledger_deferred` holds them off and rebuilds the table once (`search_words_rebuild()`).
 */

/** A decision's words, from its own vector and, grouped per decision, the names around it. */
function wordsSql(decisionIds: string | null): string {
  const only = (column: string) => (decisionIds === null ? '' : ` and ${column} in (${decisionIds})`)
  return `
    select d.id, d.search || case when d.classification = 'confidential' then ''::tsvector
        else to_tsvector('english', concat_ws(' ', aw.words, ar.words, sv.words)) end
    from decisions d
    left join (select a.decision_id, string_agg(a.recipient_name || ' ' || coalesce(a.purpose, ''), ' ') as words
        from awards a where not a.withheld${only('a.decision_id')} group by a.decision_id) aw on aw.decision_id = d.id
    left join (select x.decision_id, string_agg(ar.name, ' ') as words
        from decision_areas x join areas ar on ar.id = x.area_id where true${only('x.decision_id')}
        group by x.decision_id) ar on ar.decision_id = d.id
    left join (select k.decision_id, string_agg(s.name || ' ' || coalesce(s.description, ''), ' ') as words
        from (select s.decision_id, s.id as service_id from services s where s.decision_id is not null${only('s.decision_id')}
          union select a.decision_id, a.service_id from awards a
            where not a.withheld and a.service_id is not null${only('a.decision_id')}
          union select c.decision_id, c.service_id from contributions c
            where c.decision_id is not null and c.service_id is not null${only('c.decision_id')}) k
        join services s on s.id = k.service_id group by k.decision_id) sv on sv.decision_id = d.id
    where true${only('d.id')}`
}

const UNREAD_INDEXES = [
  ['decisions_search', 'decisions using gin (search)'],
  ['awards_search', `awards using gin (to_tsvector('english', recipient_name || ' ' || coalesce(purpose, '')))`],
  ['areas_search', `areas using gin (to_tsvector('english', name))`],
  ['services_search', `services using gin (to_tsvector('english', name || ' ' || coalesce(description, '')))`],
] as const

type ChangedRows = 'changed_rows' | 'old_rows'

/** For each table the words are made from, the decisions whose words its changed rows (`rows`) touch. */
const TOUCHED_DECISIONS: Record<string, (rows: ChangedRows) => string> = {
  decisions: (rows) => `select id from ${rows}`,
  awards: (rows) => `select decision_id from ${rows}`,
  contributions: (rows) => `select decision_id from ${rows} where decision_id is not null`,
  decision_areas: (rows) => `select decision_id from ${rows}`,
  areas: (rows) => `select x.decision_id from decision_areas x where x.area_id in (select id from ${rows})`,
  services: (rows) => `select decision_id from ${rows} where decision_id is not null
    union select a.decision_id from awards a where a.service_id in (select id from ${rows})
    union select c.decision_id from contributions c where c.service_id in (select id from ${rows}) and c.decision_id is not null`,
}

function touchedBy(table: string, rows: ChangedRows): string {
  return TOUCHED_DECISIONS[table]!(rows)
}

function triggersOn(table: string): string {
  return `
    create function search_words_${table}_changed() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        perform search_words_refresh(array(${touchedBy(table, 'changed_rows')} union ${touchedBy(table, 'old_rows')}));
      else
        perform search_words_refresh(array(${touchedBy(table, 'changed_rows')}));
      end if;
      return null;
    end
    $$;
    create trigger ${table}_search_words_insert after insert on ${table}
      referencing new table as changed_rows for each statement execute function search_words_${table}_changed();
    create trigger ${table}_search_words_update after update on ${table}
      referencing old table as old_rows new table as changed_rows
      for each statement execute function search_words_${table}_changed();
    create trigger ${table}_search_words_delete after delete on ${table}
      referencing old table as changed_rows for each statement execute function search_words_${table}_changed();`
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    create table decision_words (
      decision_id bigint primary key references decisions(id) on delete cascade,
      words tsvector not null
    );
    create index decision_words_words on decision_words using gin (words);
    -- What the search read before; nothing else reads them, and every write kept them.
    ${UNREAD_INDEXES.map(([name]) => `drop index ${name};`).join('\n')}

    create function search_words_refresh(ids bigint[]) returns void language plpgsql as $$
    begin
      if coalesce(current_setting('cr.ledger_deferred', true), '') = 'on' or cardinality(ids) = 0 then
        return;
      end if;
      insert into decision_words (decision_id, words)
        ${wordsSql('select unnest(ids)')}
      on conflict (decision_id) do update set words = excluded.words;
    end
    $$;
    alter function search_words_refresh(bigint[]) set jit = off;

    create function search_words_rebuild() returns void language plpgsql as $$
    begin
      truncate decision_words;
      insert into decision_words (decision_id, words) ${wordsSql(null)};
    end
    $$;

    ${Object.keys(TOUCHED_DECISIONS).map(triggersOn).join('\n')}

    select search_words_rebuild();
    analyze decision_words;
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = Object.keys(TOUCHED_DECISIONS)
  await sql
    .raw(
      `
    ${tables
      .map(
        (table) => `
    drop trigger ${table}_search_words_insert on ${table};
    drop trigger ${table}_search_words_update on ${table};
    drop trigger ${table}_search_words_delete on ${table};
    drop function search_words_${table}_changed();`,
      )
      .join('\n')}
    drop function search_words_rebuild();
    drop function search_words_refresh(bigint[]);
    drop table decision_words;
    ${UNREAD_INDEXES.map(([name, definition]) => `create index ${name} on ${definition};`).join('\n')}
  `,
    )
    .execute(db)
}
