import { sql, type Kysely } from 'kysely'

/**
 * The whole data model. Amounts are integer pence (bigint); dates are `date`; every table that
 * holds money checks its amounts, and every period checks that it does not end before it starts.
 */
const schema = `
create extension if not exists pg_trgm;

create table organisations (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('office', 'council', 'provider', 'government_department', 'other')),
  name text not null check (length(trim(name)) > 0),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  charity_number text,
  company_number text,
  org_id text unique,
  website text,
  merged_into_id bigint references organisations(id),
  needs_review boolean not null default false,
  created_at timestamptz not null default now(),
  check (merged_into_id is null or merged_into_id <> id)
);
create unique index organisations_name_key on organisations (lower(name)) where merged_into_id is null;

create table organisation_aliases (
  id bigint generated always as identity primary key,
  organisation_id bigint not null references organisations(id) on delete cascade,
  alias text not null check (length(trim(alias)) > 0)
);
create unique index organisation_aliases_alias_key on organisation_aliases (lower(alias));

create table offices (
  organisation_id bigint primary key references organisations(id),
  short_name text not null,
  decision_maker_title text not null default 'Police and Crime Commissioner',
  reference_format text not null default '{yyyy}.{seq:3}',
  open_data_prefix text check (open_data_prefix is null or open_data_prefix ~ '^[A-Za-z0-9-]+$'),
  area_description text,
  copyright_holder text,
  governing_body_since date,
  created_at timestamptz not null default now()
);

create table register_settings (
  id boolean primary key default true check (id),
  home_office_id bigint references offices(organisation_id),
  register_name text not null default 'Commissioning Register',
  updated_at timestamptz not null default now()
);

create table reference_sequences (
  office_id bigint not null references offices(organisation_id),
  scope text not null,
  last_value integer not null check (last_value >= 0),
  primary key (office_id, scope)
);

create table areas (
  id bigint generated always as identity primary key,
  name text not null,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  kind text not null default 'district' check (kind in ('district', 'county', 'city', 'unitary', 'force_area', 'region', 'other')),
  parent_id bigint references areas(id),
  gss_code text
);
create unique index areas_name_key on areas (lower(name));

create table users (
  id bigint generated always as identity primary key,
  email text not null check (email like '%_@_%'),
  name text not null check (length(trim(name)) > 0),
  password_hash text not null,
  roles text[] not null default '{}' check (roles <@ array['officer', 'finance_officer', 'chief_executive', 'decision_maker', 'administrator']::text[]),
  office_id bigint references offices(organisation_id),
  active boolean not null default true,
  failed_sign_ins integer not null default 0 check (failed_sign_ins >= 0),
  locked_until timestamptz,
  sessions_valid_after timestamptz not null default now(),
  created_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));

create table sessions (
  sid text primary key,
  user_id bigint references users(id) on delete cascade,
  data jsonb not null,
  expires_at timestamptz not null
);
create index sessions_expires_at on sessions (expires_at);

create table api_tokens (
  id bigint generated always as identity primary key,
  user_id bigint not null references users(id) on delete cascade,
  name text not null,
  token_hash text not null unique,
  scope text not null check (scope in ('read', 'write')),
  created_at timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

create table documents (
  id bigint generated always as identity primary key,
  sha256 text not null unique check (sha256 ~ '^[0-9a-f]{64}$'),
  file_name text not null,
  media_type text not null,
  size_bytes integer not null check (size_bytes >= 0),
  content bytea not null,
  text text,
  imported_by bigint references users(id),
  created_at timestamptz not null default now()
);

create table funding_streams (
  id bigint generated always as identity primary key,
  office_id bigint references offices(organisation_id),
  name text not null check (length(trim(name)) > 0),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  funder_id bigint references organisations(id),
  description text,
  conditions text,
  match_funding_required boolean not null default false,
  created_at timestamptz not null default now()
);

create table funding_stream_receipts (
  id bigint generated always as identity primary key,
  funding_stream_id bigint not null references funding_streams(id) on delete cascade,
  financial_year integer not null check (financial_year between 1990 and 2100),
  amount_pence bigint not null check (amount_pence >= 0),
  note text,
  unique (funding_stream_id, financial_year)
);

create table decisions (
  id bigint generated always as identity primary key,
  office_id bigint not null references offices(organisation_id),
  reference text,
  slug text,
  kind text not null default 'decision' check (kind in ('decision', 'information', 'report', 'foi_response')),
  title text not null check (length(trim(title)) > 0),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'finance_approved', 'executive_approved', 'approved', 'rejected', 'published', 'withdrawn', 'imported')),
  review_status text not null default 'reviewed' check (review_status in ('unreviewed', 'reviewed')),
  date_received date,
  date_decided date,
  date_published date,
  author_name text,
  author_contact text,
  classification text not null default 'non_confidential' check (classification in ('non_confidential', 'partially_confidential', 'confidential')),
  exemption text,
  executive_summary text,
  decision_text text,
  revenue_or_capital text check (revenue_or_capital in ('revenue', 'capital', 'both')),
  in_budget boolean,
  declaration text check (declaration in ('no_interest', 'interest_declared')),
  declared_interest text,
  decision_maker_name text,
  decision_maker_title text,
  stated_total_pence bigint check (stated_total_pence >= 0),
  stated_total_per_annum boolean not null default false,
  source_document_id bigint references documents(id),
  public_text text not null default '',
  search tsvector generated always as (
    setweight(to_tsvector('english', coalesce(reference, '') || ' ' || title), 'A') ||
    setweight(to_tsvector('english', public_text), 'B')
  ) stored,
  version integer not null default 1 check (version > 0),
  created_by bigint references users(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (classification <> 'confidential' or exemption is not null),
  check (declaration <> 'interest_declared' or declared_interest is not null),
  check (status not in ('submitted', 'finance_approved', 'executive_approved', 'approved', 'rejected', 'published') or reference is not null),
  check (status <> 'published' or date_published is not null)
);
create unique index decisions_office_reference_key on decisions (office_id, reference) where reference is not null;
create unique index decisions_slug_key on decisions (slug) where slug is not null;
create index decisions_search on decisions using gin (search);
create index decisions_public_listing on decisions ((coalesce(date_decided, date_received)) desc nulls last, id desc)
  where status in ('published', 'imported') and review_status = 'reviewed';
create index decisions_public_office_listing on decisions (office_id, (coalesce(date_decided, date_received)) desc nulls last, id desc)
  where status in ('published', 'imported') and review_status = 'reviewed';
create index decisions_office on decisions (office_id);
create index decisions_title_trgm on decisions using gin (title gin_trgm_ops);

create table decision_sections (
  id bigint generated always as identity primary key,
  decision_id bigint not null references decisions(id) on delete cascade,
  position integer not null check (position >= 0),
  key text not null default 'other' check (key in ('supporting_information', 'financial_information', 'recommendations', 'background', 'legal', 'equality', 'risks', 'consultation', 'other')),
  heading text not null,
  body text not null,
  withheld boolean not null default false,
  exemption text,
  check (not withheld or exemption is not null),
  unique (decision_id, position)
);

create table decision_links (
  id bigint generated always as identity primary key,
  from_decision_id bigint not null references decisions(id) on delete cascade,
  to_decision_id bigint not null references decisions(id) on delete cascade,
  kind text not null check (kind in ('follows', 'supersedes', 'extends')),
  check (from_decision_id <> to_decision_id),
  unique (from_decision_id, to_decision_id, kind)
);

create table decision_areas (
  decision_id bigint not null references decisions(id) on delete cascade,
  area_id bigint not null references areas(id),
  primary key (decision_id, area_id)
);

create table sign_offs (
  id bigint generated always as identity primary key,
  decision_id bigint not null references decisions(id) on delete cascade,
  stage text not null check (stage in ('finance', 'chief_executive', 'decision_maker')),
  outcome text not null check (outcome in ('approved', 'rejected', 'returned')),
  signer_user_id bigint references users(id),
  signer_name text,
  signer_title text,
  signed_on date not null,
  comment text,
  created_at timestamptz not null default now(),
  check (outcome <> 'returned' or comment is not null)
);
create index sign_offs_decision on sign_offs (decision_id);

create table services (
  id bigint generated always as identity primary key,
  office_id bigint references offices(organisation_id),
  name text not null check (length(trim(name)) > 0),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  service_type text not null default 'other' check (service_type in ('idva', 'isva', 'outreach', 'refuge', 'perpetrator_programme', 'helpline', 'partnership_car', 'survivor_support', 'counselling', 'other')),
  description text,
  lead_commissioner_id bigint references organisations(id),
  decision_id bigint references decisions(id),
  predecessor_id bigint references services(id),
  start_date date,
  end_date date,
  extension_months integer check (extension_months >= 0),
  extension_text text,
  extension_taken_months integer not null default 0 check (extension_taken_months >= 0),
  break_notice_months integer check (break_notice_months >= 0),
  created_at timestamptz not null default now(),
  check (end_date is null or start_date is null or end_date >= start_date),
  check (predecessor_id is null or predecessor_id <> id),
  check (extension_months is null or extension_taken_months <= extension_months)
);

create table service_areas (
  service_id bigint not null references services(id) on delete cascade,
  area_id bigint not null references areas(id),
  primary key (service_id, area_id)
);

create table service_providers (
  service_id bigint not null references services(id) on delete cascade,
  organisation_id bigint not null references organisations(id),
  primary key (service_id, organisation_id)
);

create table awards (
  id bigint generated always as identity primary key,
  decision_id bigint not null references decisions(id) on delete cascade,
  position integer not null default 0 check (position >= 0),
  recipient_id bigint references organisations(id),
  recipient_name text not null check (length(trim(recipient_name)) > 0),
  amount_pence bigint not null check (amount_pence >= 0),
  period_label text,
  period_start date,
  period_end date,
  financial_year integer check (financial_year between 1990 and 2100),
  per_annum boolean not null default false,
  up_to boolean not null default false,
  via_id bigint references organisations(id),
  route text check (route in ('direct_award', 'framework_call_off', 'open_tender', 'grant')),
  route_justification text,
  funding_stream_id bigint references funding_streams(id),
  service_id bigint references services(id),
  purpose text,
  condition text,
  withheld boolean not null default false,
  check (period_end is null or period_start is null or period_end >= period_start)
);
create index awards_decision on awards (decision_id);
create index awards_recipient on awards (recipient_id);
create index awards_stream on awards (funding_stream_id);
create index awards_via on awards (via_id);
create index awards_service on awards (service_id);

create table contributions (
  id bigint generated always as identity primary key,
  decision_id bigint references decisions(id) on delete cascade,
  service_id bigint references services(id) on delete cascade,
  organisation_id bigint references organisations(id),
  organisation_name text not null,
  amount_pence bigint not null check (amount_pence >= 0),
  per_annum boolean not null default false,
  up_to boolean not null default false,
  financial_year integer check (financial_year between 1990 and 2100),
  condition text,
  pro_rata_with_partners boolean not null default false,
  check (decision_id is not null or service_id is not null)
);
create index contributions_decision on contributions (decision_id);
create index contributions_service on contributions (service_id);

create table outcome_returns (
  id bigint generated always as identity primary key,
  service_id bigint not null references services(id) on delete cascade,
  quarter_start date not null check (extract(day from quarter_start) = 1 and extract(month from quarter_start) in (1, 4, 7, 10)),
  measure text not null check (measure ~ '^[a-z_]+$'),
  value integer not null check (value >= 0),
  entered_by bigint references users(id),
  created_at timestamptz not null default now(),
  unique (service_id, quarter_start, measure)
);

create table findings (
  id bigint generated always as identity primary key,
  decision_id bigint not null references decisions(id) on delete cascade,
  code text not null check (code ~ '^[a-z_]+$'),
  severity text not null check (severity in ('error', 'warning')),
  message text not null,
  field text,
  line integer check (line > 0),
  resolved boolean not null default false
);
create index findings_decision on findings (decision_id);

create table foi_requests (
  id bigint generated always as identity primary key,
  office_id bigint not null references offices(organisation_id),
  reference text not null,
  received_on date not null,
  channel text not null default 'email' check (channel in ('email', 'post', 'web_form', 'phone', 'in_person', 'other')),
  requester_name text,
  requester_contact text,
  personal_data_deleted_at timestamptz,
  status text not null default 'received' check (status in ('received', 'awaiting_clarification', 'in_progress', 'answered', 'internal_review', 'referred_to_ico', 'closed')),
  outcome text check (outcome in ('released_in_full', 'released_in_part', 'refused', 'not_held')),
  clarification_sought_on date,
  clarification_received_on date,
  extended_deadline date,
  answered_on date,
  published_on date,
  review_requested_on date,
  summary text,
  decision_id bigint references decisions(id),
  created_at timestamptz not null default now(),
  unique (office_id, reference),
  check (answered_on is null or answered_on >= received_on),
  check (published_on is null or answered_on is not null),
  check (clarification_received_on is null or clarification_sought_on is not null)
);

create table foi_questions (
  id bigint generated always as identity primary key,
  request_id bigint not null references foi_requests(id) on delete cascade,
  position integer not null check (position >= 0),
  question text not null check (length(trim(question)) > 0),
  answer text,
  exemption text,
  register_link text,
  unique (request_id, position)
);

create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_user_id bigint,
  actor_label text not null,
  action text not null,
  entity_type text not null,
  entity_id text,
  before jsonb,
  after jsonb,
  previous_hash text not null,
  hash text not null unique
);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only: % is not allowed', tg_op;
end
$$;
create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function audit_log_is_append_only();
`

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(schema).execute(db)
}

export async function down(): Promise<void> {
  throw new Error('The first migration cannot be undone: restore a backup instead')
}
