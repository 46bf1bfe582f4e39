import { sql } from 'kysely'
import { z } from 'zod'
import { OrganisationRepository } from '../../db/repositories/ledger/organisations.ts'
import { inOfficeScope } from '../../db/repositories/office-scope.ts'
import { OfficeScope } from '../../domain/office-scope.ts'
import { slugify } from '../../domain/slug.ts'
import { AccountService, type User } from '../accounts/accounts.ts'
import { USER_COLUMNS } from '../accounts/account-types.ts'
import { putMembership, withMemberships } from '../accounts/memberships.ts'
import { AuditedService, type Actor } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import { requiredText } from '../shared/form-fields.ts'

/** An office of the register, with how many people work for it: one with nobody is an archive. */
export interface OfficeSummary {
  id: number
  name: string
  shortName: string
  slug: string
  staff: number
  archive: boolean
}

export const newOfficeSchema = z.object({
  name: requiredText(200, 'Enter the office’s name', 'The office’s name must be 200 characters or fewer'),
  shortName: requiredText(
    60,
    'Enter the short name, such as the place the office serves',
    'The short name must be 60 characters or fewer',
  ),
  decisionMakerTitle: requiredText(
    100,
    'Enter the decision maker’s title',
    'The title must be 100 characters or fewer',
  ),
})

/** Only a deployment administrator (or the system) adds offices and appoints their first administrators. */
function assertDeploymentAdmin(actor: Actor): void {
  if (actor.scope && !actor.scope.allOffices)
    throw new FormError({ office: 'Only a deployment administrator may do this' })
}

/** The offices of the deployment: adding one, appointing its first administrator, finding one by name. */
export class OfficeService extends AuditedService {
  /** The offices the scope reaches, by name, with their staff counts. */
  async list(scope: OfficeScope = OfficeScope.system): Promise<OfficeSummary[]> {
    const rows = await this.database.db
      .selectFrom('offices as f')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['f.organisation_id as id', 'o.name', 'f.short_name', 'f.slug'])
      .select(
        sql<number>`(select count(*) from office_memberships m join users u on u.id = m.user_id where m.office_id = f.organisation_id and u.active)`.as(
          'staff',
        ),
      )
      .where(inOfficeScope(scope, 'f.organisation_id'))
      .orderBy('o.name')
      .execute()
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      shortName: r.short_name,
      slug: r.slug,
      staff: Number(r.staff),
      archive: Number(r.staff) === 0,
    }))
  }

  /** An office by id, slug, short name or name (ignoring case). */
  async find(reference: string): Promise<OfficeSummary | undefined> {
    const wanted = reference.trim().toLowerCase()
    return (await this.list()).find(
      (o) =>
        String(o.id) === wanted ||
        o.slug === wanted ||
        o.shortName.toLowerCase() === wanted ||
        o.name.toLowerCase() === wanted,
    )
  }

  /** Adds an office; it is an archive until someone is appointed to it. */
  async add(input: Record<string, unknown>, actor: Actor): Promise<OfficeSummary> {
    assertDeploymentAdmin(actor)
    const parsed = newOfficeSchema.safeParse(input)
    if (!parsed.success) throw FormError.fromZod(parsed.error)
    const { name, shortName, decisionMakerTitle } = parsed.data
    const id = await this.database.transaction(async (trx) => {
      const taken = await trx
        .selectFrom('offices as f')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select('f.organisation_id')
        .where((eb) =>
          eb.or([
            eb(sql`lower(o.name)`, '=', name.toLowerCase()),
            eb(sql`lower(f.short_name)`, '=', shortName.toLowerCase()),
          ]),
        )
        .executeTakeFirst()
      if (taken) throw new FormError({ name: `The register already has an office called ${name} or ${shortName}` })
      const organisation = await new OrganisationRepository(trx).create({ name, kind: 'office' }, trx)
      const slugTaken = await trx
        .selectFrom('offices')
        .select('slug')
        .where('slug', '=', slugify(shortName))
        .executeTakeFirst()
      await trx
        .insertInto('offices')
        .values({
          organisation_id: organisation.id,
          short_name: shortName,
          slug: slugTaken || !slugify(shortName) ? organisation.slug : slugify(shortName),
          decision_maker_title: decisionMakerTitle,
          copyright_holder: name,
        })
        .execute()
      await this.audit.recordChange(trx, actor, 'create', ['office', organisation.id], {
        officeId: organisation.id,
        after: parsed.data,
      })
      return organisation.id
    })
    return (await this.list()).find((o) => o.id === id)!
  }

  /**
   * Appoints an office's administrator: a new account (its password returned, generated unless given) or an
   * existing one given the administrator role there as well.
   */
  async appointAdministrator(
    officeId: number,
    person: { email: string; name: string; password?: string },
    actor: Actor,
  ): Promise<{ user: User; password: string | null }> {
    assertDeploymentAdmin(actor)
    const accounts = new AccountService(this.database)
    const existing = await accounts.findByEmail(person.email)
    if (!existing) {
      const created = await accounts.create(
        { email: person.email, name: person.name, roles: ['administrator'], password: person.password, officeId },
        actor,
      )
      return created
    }
    const user = await this.database.transaction(async (trx) => {
      const held = existing.memberships.find((m) => m.officeId === officeId)?.roles ?? []
      const roles = [...new Set([...held, 'administrator' as const])]
      await putMembership(trx, existing.id, officeId, roles)
      await this.audit.recordChange(trx, actor, 'appoint administrator', ['user', existing.id], {
        officeId,
        before: { roles: held },
        after: { roles },
      })
      const row = await trx
        .selectFrom('users')
        .select(USER_COLUMNS)
        .where('id', '=', existing.id)
        .executeTakeFirstOrThrow()
      return (await withMemberships(trx, [row]))[0]!
    })
    return { user, password: null }
  }
}
