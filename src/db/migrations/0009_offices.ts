import { sql, type Kysely } from 'kysely'

/**
 * Many offices in one register. Roles are held per office (office_memberships), a deployment administrator
 * acts for every office, each office has its own settings and public address, an office's functions may pass
 * to a successor body, and each police force area's population is kept with its source and year. Every
 * existing account keeps its roles, now in the office it belonged to or else the register's home office; an
 * administrator that no office can be found for becomes a deployment administrator, so nobody is locked out.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    create table office_memberships (
      user_id bigint not null references users(id) on delete cascade,
      office_id bigint not null references offices(organisation_id) on delete cascade,
      roles text[] not null check (cardinality(roles) > 0 and roles <@ array['officer', 'finance_officer', 'chief_executive', 'decision_maker', 'administrator']::text[]),
      created_at timestamptz not null default now(),
      primary key (user_id, office_id)
    );
    create index office_memberships_office on office_memberships (office_id);

    alter table users add column deployment_admin boolean not null default false;
    insert into office_memberships (user_id, office_id, roles)
      select u.id, coalesce(u.office_id, s.home_office_id), u.roles
      from users u left join register_settings s on true
      where coalesce(u.office_id, s.home_office_id) is not null and cardinality(u.roles) > 0;
    update users u set deployment_admin = true
      where 'administrator' = any(u.roles) and not exists (select 1 from office_memberships m where m.user_id = u.id);
    alter table users drop column roles;
    alter table users drop column office_id;

    alter table offices add column slug text;
    update offices f set slug = o.slug from organisations o where o.id = f.organisation_id;
    alter table offices alter column slug set not null;
    alter table offices add constraint offices_slug_key unique (slug);
    alter table offices add constraint offices_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
    create function offices_default_slug() returns trigger language plpgsql as $fn$
    begin
      if new.slug is null then
        new.slug := (select o.slug from organisations o where o.id = new.organisation_id);
      end if;
      return new;
    end
    $fn$;
    create trigger offices_default_slug before insert on offices for each row execute function offices_default_slug();
    alter table offices add column contact text;
    alter table offices add column accent_colour text check (accent_colour is null or accent_colour ~ '^#[0-9a-f]{6}$');
    alter table offices add column logo bytea;
    alter table offices add column logo_media_type text check (logo_media_type is null or logo_media_type in ('image/png', 'image/svg+xml', 'image/jpeg'));
    alter table offices add column successor_id bigint references offices(organisation_id);
    alter table offices add column functions_passed_on date;
    alter table offices add constraint offices_succession check ((successor_id is null) = (functions_passed_on is null) and successor_id is distinct from organisation_id);

    create table office_populations (
      office_id bigint not null references offices(organisation_id) on delete cascade,
      year integer not null check (year between 1990 and 2100),
      population integer not null check (population > 0),
      source text not null check (length(trim(source)) > 0),
      primary key (office_id, year)
    );

    alter table register_settings add column home_is_office boolean not null default false;

    alter table audit_log add column office_id bigint;
    create index audit_log_office on audit_log (office_id, id);
    alter table audit_log disable trigger audit_log_append_only;
    update audit_log a set office_id = case a.entity_type
        when 'decision' then (select d.office_id from decisions d where d.id::text = a.entity_id)
        when 'foi_request' then (select r.office_id from foi_requests r where r.id::text = a.entity_id)
        when 'office_settings' then (select f.organisation_id from offices f where f.organisation_id::text = a.entity_id)
      end
      where a.entity_type in ('decision', 'foi_request', 'office_settings');
    alter table audit_log enable trigger audit_log_append_only;
  `,
    )
    .execute(db)
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    drop index audit_log_office;
    alter table audit_log drop column office_id;
    alter table register_settings drop column home_is_office;
    drop table office_populations;
    alter table offices drop constraint offices_succession;
    alter table offices drop column functions_passed_on, drop column successor_id, drop column logo_media_type,
      drop column logo, drop column accent_colour, drop column contact, drop column slug;
    drop trigger if exists offices_default_slug on offices;
    drop function offices_default_slug();
    alter table users add column roles text[] not null default '{}';
    alter table users add column office_id bigint references offices(organisation_id);
    update users u set roles = m.roles, office_id = m.office_id
      from (select distinct on (user_id) user_id, office_id, roles from office_memberships order by user_id, office_id) m
      where m.user_id = u.id;
    alter table users drop column deployment_admin;
    drop table office_memberships;
  `,
    )
    .execute(db)
}
