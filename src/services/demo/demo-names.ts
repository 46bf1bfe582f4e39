import type { Transaction } from 'kysely'
import { slugify } from '../../domain/slug.ts'
import { DecisionRepository } from '../../db/repositories/decisions/decisions.ts'
import { OrganisationRepository } from '../../db/repositories/ledger/organisations.ts'
import type { DB } from '../../db/tables/index.ts'

/** The transaction the demonstration register is loaded in, and the ids its names were loaded as. */
export class DemoNames {
  readonly organisations: OrganisationRepository
  readonly decisions: DecisionRepository
  readonly officeIds = new Map<string, number>()
  readonly officeNames = new Map<string, string>()
  readonly areaIds = new Map<string, number>()
  readonly streamIds = new Map<string, number>()
  readonly serviceIds = new Map<string, number>()

  constructor(readonly trx: Transaction<DB>) {
    this.organisations = new OrganisationRepository(trx)
    this.decisions = new DecisionRepository(trx)
  }

  /** An organisation by name, created (of kind "other") the first time it is named. */
  async org(name: string): Promise<number> {
    return (await this.organisations.findOrCreate({ name, kind: 'other' }, this.trx)).id
  }

  office(shortName: string): number {
    return named(this.officeIds, 'office', shortName)
  }

  area(name: string): number {
    return named(this.areaIds, 'area', name)
  }

  /** The columns of an office's named record (a funding stream, a service): the office, the name and its slug. */
  officeNamed(office: string, name: string) {
    return { office_id: this.office(office), name, slug: slugify(name) }
  }
}

/** The id loaded for a name the demonstration data uses; a name it never loaded is a mistake in the data. */
function named(ids: Map<string, number>, what: string, name: string): number {
  const id = ids.get(name)
  if (id === undefined) throw new Error(`Demonstration data names an unknown ${what}: ${name}`)
  return id
}
