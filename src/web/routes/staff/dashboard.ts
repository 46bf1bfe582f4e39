import type { Request, Response } from 'express'
import type { Role } from '../../../domain/roles.ts'
import { todayInLondon } from '../../../domain/uk-date.ts'
import type { Services } from '../../../services/index.ts'
import { scopeOf } from '../../auth.ts'

export interface HomeItem {
  id: string
  count: number
  text: string
  href: string
}

const has = (roles: readonly Role[], ...wanted: Role[]) => wanted.some((r) => roles.includes(r))
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many)

/**
 * The staff home: each role's work, with counts and links. Only what a role can act on is shown, so a
 * finance officer sees sign-offs waiting and names to confirm, an officer their drafts, imports and FOI.
 */
export class DashboardController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const roles = res.locals.user!.roles
    const officer = has(roles, 'officer')
    const work = await loadWork(this.services, res)
    const items = [...decisionItems(roles, work), ...queueItems(roles, work)]
    const officeChanged =
      req.query.office === 'changed'
        ? `You are now working in ${res.locals.currentOffice?.name ?? 'all your offices'}`
        : null
    res.render('pages/staff/dashboard', { items, officer, officeChanged })
  }
}

/** The work the user's roles can act on; what a role cannot act on is not looked up. */
async function loadWork(services: Services, res: Response) {
  const user = res.locals.user!
  const roles = user.roles
  const officer = has(roles, 'officer')
  const ledger = has(roles, 'officer', 'finance_officer', 'administrator')
  const [decisions, imports, names, foi, pipeline] = await Promise.all([
    services.workflow.workFor(user, scopeOf(res)),
    officer ? services.imports.awaitingReview(scopeOf(res)) : [],
    ledger ? services.organisations.reviewQueue() : [],
    officer ? services.foi.dashboard.dashboard(scopeOf(res)) : null,
    officer || has(roles, 'finance_officer') ? services.commissioning.pipeline(todayInLondon()) : null,
  ])
  return { decisions, imports, names, foi, pipeline }
}

type Work = Awaited<ReturnType<typeof loadWork>>

function item(id: string, count: number, one: string, many: string, href: string): HomeItem {
  return { id, count, text: plural(count, one, many), href }
}

/** Decisions waiting for the user: to sign off, returned, drafts, ready to publish. */
function decisionItems(roles: readonly Role[], { decisions: work }: Work): HomeItem[] {
  const items: HomeItem[] = []
  if (has(roles, 'finance_officer', 'chief_executive', 'decision_maker'))
    items.push(
      item(
        'waiting',
        work.waiting.length,
        'decision waiting for your sign-off',
        'decisions waiting for your sign-off',
        '/staff/decisions#waiting',
      ),
    )
  if (has(roles, 'officer')) {
    items.push(
      item(
        'returned',
        work.returned.length,
        'decision returned to you for changes',
        'decisions returned to you for changes',
        '/staff/decisions#returned',
      ),
      item('drafts', work.drafts.length, 'draft of yours', 'drafts of yours', '/staff/decisions#drafts'),
    )
  }
  if (has(roles, 'officer', 'administrator'))
    items.push(
      item(
        'to-publish',
        work.toPublish.length,
        'decision approved or rejected, ready to publish',
        'decisions approved or rejected, ready to publish',
        '/staff/decisions#to-publish',
      ),
    )
  return items
}

/** The other queues: imports to review, names to confirm, FOI requests due, services ending without a successor. */
function queueItems(roles: readonly Role[], { imports, names, foi, pipeline }: Work): HomeItem[] {
  const items: HomeItem[] = []
  if (has(roles, 'officer'))
    items.push(
      item('imports', imports.length, 'imported record to review', 'imported records to review', '/staff/imports'),
    )
  if (has(roles, 'officer', 'finance_officer', 'administrator'))
    items.push(
      item(
        'names',
        names.length,
        'organisation name to confirm',
        'organisation names to confirm',
        '/staff/ledger/organisations/review',
      ),
    )
  if (foi) {
    items.push(
      item('foi-overdue', foi.overdue.length, 'FOI request overdue', 'FOI requests overdue', '/staff/foi#overdue'),
      item(
        'foi-due',
        foi.dueThisWeek.length,
        'FOI request due this week',
        'FOI requests due this week',
        '/staff/foi#due-this-week',
      ),
    )
  }
  if (pipeline) {
    const ending = pipeline.windows.find((w) => w.months === 6)?.entries.length ?? 0
    items.push(
      item(
        'ending',
        ending,
        'service ending in the next 6 months with no successor',
        'services ending in the next 6 months with no successor',
        `/pipeline?on=${pipeline.on}`,
      ),
    )
  }
  return items
}
