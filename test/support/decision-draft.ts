import type { Database } from '../../src/db/database.ts'
import type { Role } from '../../src/domain/roles.ts'
import { AccountService } from '../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR, type Actor } from '../../src/services/audit/audit.ts'
import type { DraftDetails, Signer, WorkflowService } from '../../src/services/decisions/workflow.ts'
import type { StaffClient } from './staff-client.ts'

/**
 * The details of a draft decision: its title as given; a test author, a one-line summary and decision text unless
 * given; and no author contact, supporting information or recommendations unless given.
 */
export function draftDetails(details: Pick<DraftDetails, 'title'> & Partial<DraftDetails>): DraftDetails {
  return {
    kind: 'decision',
    authorName: 'Test Author',
    authorContact: null,
    executiveSummary: 'A service for victims of crime.',
    supportingInformation: null,
    recommendations: null,
    decisionText: 'Approve a grant.',
    ...details,
  }
}

/**
 * Starts a draft and completes every section the task list requires before submission: financial
 * information, an area, the awards section (marked completed with none) and the classification.
 */
export async function draftReadyToSubmit(
  workflow: WorkflowService,
  details: DraftDetails,
  actor: Actor,
): Promise<number> {
  const id = await workflow.createDraft(details, actor)
  const version = async () => (await workflow.detail(id))!.decision.version
  await workflow.saveFinance(
    id,
    await version(),
    { revenueOrCapital: 'revenue', inBudget: true, financialInformation: null },
    actor,
  )
  const area = (await workflow.areaChoices(id))[0]
  await workflow.saveAreas(
    id,
    await version(),
    { areaIds: area ? [area.id] : [], newArea: area ? null : { name: 'Bassetlaw', gssCode: 'E07000171' } },
    actor,
  )
  await workflow.markTask(id, await version(), 'awards', true, actor)
  await workflow.saveClassification(
    id,
    await version(),
    { classification: 'non_confidential', exemption: null, withheldSections: {}, awardsExemption: null },
    actor,
  )
  return id
}

/** A person of the sign-off chain: their email, who they act as, and how they sign. */
export interface WorkflowPerson {
  email: string
  actor: Actor
  signer: Signer
}

/** The usual chain: an officer who drafts, then finance, the chief executive and the decision maker who sign. */
export const SIGN_OFF_CHAIN: Array<[string, Role[]]> = [
  ['officer', ['officer']],
  ['finance', ['finance_officer']],
  ['ceo', ['chief_executive']],
  ['pcc', ['decision_maker']],
]

/**
 * Makes a staff account for each person of `roster`, `name@domain`, called `Person name` unless `fullName`
 * says otherwise, with `password` ('a long enough password' unless given), and records each in `people`
 * under their short name.
 */
export async function addWorkflowPeople(
  database: Database,
  roster: Array<[string, Role[]]>,
  domain: string,
  people: Record<string, WorkflowPerson>,
  options: { fullName?: (name: string) => string; password?: string } = {},
): Promise<void> {
  for (const [name, roles] of roster) {
    const email = `${name}@${domain}`
    const { user } = await new AccountService(database).create(
      {
        email,
        name: options.fullName?.(name) ?? `Person ${name}`,
        roles,
        password: options.password ?? 'a long enough password',
      },
      SYSTEM_ACTOR,
    )
    people[name] = {
      email,
      actor: { userId: user.id, label: name },
      signer: { userId: user.id, name: user.name, roles },
    }
  }
}

/**
 * A function that signs a decision off as one of `people` at its current version: approved with nothing
 * declared unless `input` says otherwise. `workflow` is read when it signs, so it may be made in a before hook.
 */
export function signOffAs(workflow: () => WorkflowService, people: Record<string, WorkflowPerson>) {
  return async (id: number, who: string, input: Partial<Parameters<WorkflowService['signOff']>[3]> = {}) =>
    workflow().signOff(
      id,
      (await workflow().detail(id))!.decision.version,
      people[who]!.signer,
      { outcome: 'approved', comment: null, declaration: null, declaredInterest: null, ...input },
      people[who]!.actor,
    )
}

/**
 * Starts a draft decision on the staff pages as `client`, from the new decision form filled in with `fields` (a test
 * author and a one-line summary unless given); returns the form's answer and the new draft's id, read from where it
 * redirects.
 */
export async function startDraftOnPage(
  client: StaffClient,
  fields: { title: string; authorName?: string; executiveSummary?: string; decisionText?: string },
): Promise<{ created: Response; id: string }> {
  await client.get('/staff/decisions/new')
  const created = await client.post('/staff/decisions/new', {
    kind: 'decision',
    authorName: 'Test Author',
    executiveSummary: 'A service for victims of crime.',
    ...fields,
  })
  const id = /\/staff\/decisions\/(\d+)/.exec(created.headers.get('location')!)![1]!
  return { created, id }
}
