import { rawSqlMigration } from './raw-sql.ts'

/**
 * FOI requests through their whole life: an address on the disclosure log, the public interest
 * extension's reason, internal review and referral dates, closure, the office's own FOI reference
 * format, and a search index over questions and answers for the disclosure log and earlier responses.
 */
const foi = `
alter table offices add column foi_reference_format text not null default '{seq}/{yy}';

alter table foi_requests add column slug text;
alter table foi_requests add column extension_reason text;
alter table foi_requests add column review_completed_on date;
alter table foi_requests add column review_outcome text check (review_outcome in ('upheld', 'partly_upheld', 'overturned'));
alter table foi_requests add column referred_to_ico_on date;
alter table foi_requests add column closed_on date;
alter table foi_requests add column closure_note text;
alter table foi_requests add column updated_at timestamptz not null default now();
alter table foi_requests add constraint foi_requests_review_dates check (review_completed_on is null or (review_requested_on is not null and review_completed_on >= review_requested_on));
alter table foi_requests add constraint foi_requests_clarification_dates check (clarification_received_on is null or clarification_received_on >= clarification_sought_on);
alter table foi_requests add constraint foi_requests_clarification_after_receipt check (clarification_sought_on is null or clarification_sought_on >= received_on);
alter table foi_requests add constraint foi_requests_personal_data_deleted check (personal_data_deleted_at is null or (requester_name is null and requester_contact is null));
alter table foi_requests add constraint foi_requests_answered_has_outcome check (answered_on is null or outcome is not null);
create unique index foi_requests_slug_key on foi_requests (slug) where slug is not null;

-- The same rule as slugify() in src/domain/slug.ts, so that rows written by any code get their address.
create function foi_slug(office_short_name text, reference text) returns text language sql immutable as $$
  select trim(both '-' from regexp_replace(
    replace(lower(regexp_replace(normalize(office_short_name || ' ' || reference, NFKD), '[\\u0300-\\u036f]', '', 'g')), '&', ' and '),
    '[^a-z0-9]+', '-', 'g'))
$$;
create function foi_requests_set_slug() returns trigger language plpgsql as $$
begin
  new.slug := foi_slug((select short_name from offices where organisation_id = new.office_id), new.reference);
  return new;
end
$$;
create trigger foi_requests_slug before insert or update of reference, office_id on foi_requests
  for each row execute function foi_requests_set_slug();
update foi_requests set reference = reference;
create index foi_requests_disclosure_log on foi_requests (published_on desc, id desc) where published_on is not null;
create index foi_requests_status on foi_requests (status);
create index foi_requests_decision on foi_requests (decision_id);

alter table foi_questions add column search tsvector generated always as (
  to_tsvector('english', question || ' ' || coalesce(answer, ''))
) stored;
create index foi_questions_search on foi_questions using gin (search);
`

const UNDO_FOI = `
    drop trigger foi_requests_slug on foi_requests;
    drop function foi_requests_set_slug();
    drop function foi_slug(text, text);
    drop index foi_questions_search;
    alter table foi_questions drop column search;
    drop index foi_requests_slug_key, foi_requests_disclosure_log, foi_requests_status, foi_requests_decision;
    alter table foi_requests drop constraint foi_requests_review_dates, drop constraint foi_requests_clarification_dates,
      drop constraint foi_requests_clarification_after_receipt, drop constraint foi_requests_personal_data_deleted,
      drop constraint foi_requests_answered_has_outcome;
    alter table foi_requests drop column slug, drop column extension_reason, drop column review_completed_on, drop column review_outcome,
      drop column referred_to_ico_on, drop column closed_on, drop column closure_note, drop column updated_at;
    alter table offices drop column foi_reference_format;
  `

export const { up, down } = rawSqlMigration(foi, UNDO_FOI)
