import { sql, type Kysely } from 'kysely'

/**
 * Spending over £500: the office's published payments, imported a file at a time. A file is known by its
 * SHA-256 hash (the same file twice is refused as already imported); each payment by a key made from its
 * five fields and its place among identical lines of its file, so that a later file repeating a payment adds
 * nothing. A payment is matched to the award it pays (automatically or by staff), left unmatched for review,
 * or marked as not an award payment.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    create table spend_batches (
      id bigint generated always as identity primary key,
      office_id bigint not null references offices(organisation_id) on delete cascade,
      file_name text not null,
      file_hash text not null check (file_hash ~ '^[0-9a-f]{64}$'),
      rows integer not null check (rows >= 0),
      added integer not null check (added >= 0),
      imported_by bigint references users(id) on delete set null,
      imported_at timestamptz not null default now(),
      unique (office_id, file_hash)
    );

    create table spend_payments (
      id bigint generated always as identity primary key,
      office_id bigint not null references offices(organisation_id) on delete cascade,
      batch_id bigint not null references spend_batches(id) on delete cascade,
      line integer not null check (line > 0),
      row_key text not null,
      paid_on date not null,
      supplier_name text not null check (length(supplier_name) between 1 and 500),
      supplier_id bigint references organisations(id) on delete set null,
      amount_pence bigint not null,
      expense_type text not null,
      transaction_number text not null,
      award_id bigint references awards(id) on delete set null,
      match_status text not null default 'unmatched' check (match_status in ('matched', 'unmatched', 'not_award')),
      matched_by text check (matched_by in ('automatic', 'staff')),
      check ((match_status = 'matched') = (award_id is not null)),
      unique (office_id, row_key)
    );
    -- A file uploaded in the browser, held between its preview and its confirmation (a day at most).
    create table spend_uploads (
      token text primary key check (token ~ '^[0-9a-f]{32}$'),
      office_id bigint not null references offices(organisation_id) on delete cascade,
      user_id bigint references users(id) on delete cascade,
      file_name text not null,
      content text not null,
      created_at timestamptz not null default now()
    );

    create index spend_payments_award on spend_payments (award_id) where award_id is not null;
    create index spend_payments_month on spend_payments (office_id, paid_on);
    create index spend_payments_queue on spend_payments (office_id, paid_on) where match_status = 'unmatched';

    -- What an award commits: a one-off sum (or ceiling) once; a yearly amount once for every financial year its period touches.
    create function award_committed_pence(amount bigint, per_annum boolean, period_start date, period_end date)
    returns bigint language sql immutable as $$
      select case when per_annum and period_start is not null and period_end is not null and period_end >= period_start
        then amount * (
          (extract(year from period_end)::int - case when extract(month from period_end) < 4 then 1 else 0 end)
          - (extract(year from period_start)::int - case when extract(month from period_start) < 4 then 1 else 0 end) + 1)
        else amount end
    $$;
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `drop function award_committed_pence; drop table spend_uploads; drop table spend_payments; drop table spend_batches;`,
    )
    .execute(db)
}
