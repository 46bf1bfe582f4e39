import { sql, type Kysely } from 'kysely'

/** The sign-off chain: rounds of submission, the author's return comment, reasons for rejection, withheld awards. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter table sign_offs add column round integer not null default 1 check (round > 0);
    alter table sign_offs add column declaration text check (declaration in ('no_interest', 'interest_declared'));
    alter table sign_offs add column declared_interest text;
    alter table decisions add column submission_round integer not null default 0 check (submission_round >= 0);
    alter table decisions add column returned_comment text;
    alter table decisions add column rejection_reasons text;
    alter table decisions add column awards_exemption text;
    alter table decisions add column significant_public_interest boolean not null default true;
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    alter table sign_offs drop column round, drop column declaration, drop column declared_interest;
    alter table decisions drop column submission_round, drop column returned_comment, drop column rejection_reasons,
      drop column awards_exemption, drop column significant_public_interest;
  `,
    )
    .execute(db)
}
