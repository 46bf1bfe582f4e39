import type { Database } from '../../db/database.ts'
import type { Role } from '../../domain/roles.ts'
import { AccountService } from '../accounts/accounts.ts'
import { SYSTEM_ACTOR } from '../audit/audit.ts'
import { loadDecisions, loadFoiRequest, loadForwardPlan } from './demo-decisions.ts'
import { loadAreas, loadFundingStreams, loadOffices, loadServices } from './demo-ledger.ts'
import { DemoNames } from './demo-names.ts'
import { demoDecisions, demoOrganisations } from './records.ts'

export class RegisterNotEmptyError extends Error {}

/** A staff account of the demonstration register, with the password it was given. */
export interface DemoAccount {
  email: string
  name: string
  roles: Role[]
  password: string
}

const DEMO_PEOPLE: Array<Omit<DemoAccount, 'password'>> = [
  { email: 'officer@demo.example', name: 'Olivia Officer', roles: ['officer'] },
  { email: 'finance@demo.example', name: 'Farid Finance', roles: ['finance_officer'] },
  { email: 'chief.executive@demo.example', name: 'Chloe Chief', roles: ['chief_executive'] },
  { email: 'commissioner@demo.example', name: 'Dev Decider', roles: ['decision_maker'] },
  { email: 'admin@demo.example', name: 'Ada Admin', roles: ['administrator'] },
]

/**
 * Loads the demonstration register into an empty database, all or nothing, then one staff account per
 * role with a fresh password, returned so that it can be shown once.
 */
export async function loadDemonstrationData(
  database: Database,
): Promise<{ decisions: number; accounts: DemoAccount[] }> {
  await database.transaction(async (trx) => {
    const existing = await trx.selectFrom('organisations').select('id').limit(1).executeTakeFirst()
    if (existing)
      throw new RegisterNotEmptyError(
        'The database already holds records; demonstration data is only loaded into an empty register.',
      )
    const names = new DemoNames(trx)
    await loadOffices(names)
    for (const org of demoOrganisations) await names.organisations.create(org, trx)
    await loadAreas(names)
    await loadFundingStreams(names)
    await loadServices(names)
    const decisionIds = await loadDecisions(names)
    await loadFoiRequest(names, decisionIds)
    await loadForwardPlan(names, decisionIds)
  })
  const accountService = new AccountService(database)
  const accounts: DemoAccount[] = []
  for (const person of DEMO_PEOPLE) {
    const { password } = await accountService.create({ ...person }, SYSTEM_ACTOR)
    accounts.push({ ...person, password })
  }
  return { decisions: demoDecisions.length, accounts }
}
