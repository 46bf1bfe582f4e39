import { sql, type Kysely } from 'kysely'

/**
 * Split payments and contributions subject to funding.
 *
 * A payment may pay several awards: staff split it into parts (an award and an amount each, adding up to the
 * payment exactly), and the payment is then 'split' with no award of its own. `spend_award_payments` is every
 * amount paid against an award, whole payments and parts alike, which every paid-against-committed sum reads.
 *
 * A partner contribution may be subject to funding still to come: from a funding stream of the register, or on
 * a condition in words ("subject to annual Ministry of Justice funding being forthcoming").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter table spend_payments drop constraint spend_payments_match_status_check;
    alter table spend_payments add constraint spend_payments_match_status_check
      check (match_status in ('matched', 'unmatched', 'not_award', 'split'));

    create table spend_payment_parts (
      payment_id bigint not null references spend_payments(id) on delete cascade,
      award_id bigint not null references awards(id) on delete cascade,
      amount_pence bigint not null check (amount_pence <> 0),
      primary key (payment_id, award_id)
    );
    create index spend_payment_parts_award on spend_payment_parts (award_id);

    create view spend_award_payments as
      select p.id as payment_id, p.award_id, p.amount_pence, p.paid_on, p.transaction_number
      from spend_payments p where p.award_id is not null
      union all
      select x.payment_id, x.award_id, x.amount_pence, p.paid_on, p.transaction_number
      from spend_payment_parts x join spend_payments p on p.id = x.payment_id;

    alter table contributions
      add column subject_to_funding boolean not null default false,
      add column funding_stream_id bigint references funding_streams(id) on delete set null,
      add column funding_condition text check (length(funding_condition) <= 500),
      add constraint contributions_subject_to_funding_check
        check (subject_to_funding or (funding_stream_id is null and funding_condition is null));
    create index contributions_funding_stream on contributions (funding_stream_id) where funding_stream_id is not null;
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter table contributions drop constraint contributions_subject_to_funding_check,
      drop column funding_condition, drop column funding_stream_id, drop column subject_to_funding;
    drop view spend_award_payments;
    drop table spend_payment_parts;
    update spend_payments set match_status = 'unmatched', matched_by = null where match_status = 'split';
    alter table spend_payments drop constraint spend_payments_match_status_check;
    alter table spend_payments add constraint spend_payments_match_status_check
      check (match_status in ('matched', 'unmatched', 'not_award'));
  `,
    )
    .execute(db)
}
