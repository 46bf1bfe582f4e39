import { scopeOf } from '../../../auth.ts'
import type { Request, Response } from 'express'
import { z } from 'zod'
import { formatUkDate } from '../../../../domain/uk-date.ts'
import type { Services } from '../../../../services/index.ts'
import { statusTag, timelinessTag } from './labels.ts'

const searchQuery = z.object({
  q: z.string().trim().max(200, { message: 'Search words must be 200 characters or fewer' }).optional(),
})

/** /staff/foi: overdue, due this week, waiting, unpublished, and the share answered on time per month. */
export class FoiDashboardController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const parsed = searchQuery.safeParse({ q: typeof req.query.q === 'string' ? req.query.q : undefined })
    const q = parsed.success ? (parsed.data.q ?? '') : ''
    const errors = parsed.success ? {} : { q: parsed.error.issues[0]!.message }
    const [dashboard, found] = await Promise.all([
      this.services.foi.dashboard.dashboard(scopeOf(res)),
      q ? this.services.foi.dashboard.search(q, scopeOf(res)) : Promise.resolve(null),
    ])
    const flash = req.session?.flash
    if (flash && req.session) delete req.session.flash
    const withTags = <
      T extends {
        status: Parameters<typeof statusTag>[0]
        clock?: { timeliness: Parameters<typeof timelinessTag>[0] }
      },
    >(
      rows: T[],
    ) =>
      rows.map((r) => ({
        ...r,
        statusTag: statusTag(r.status),
        timelinessTag: r.clock ? timelinessTag(r.clock.timeliness) : null,
      }))
    res.status(Object.keys(errors).length ? 400 : 200).render('pages/staff/foi/dashboard', {
      ...dashboard,
      overdue: withTags(dashboard.overdue),
      dueThisWeek: withTags(dashboard.dueThisWeek),
      dueLater: withTags(dashboard.dueLater),
      found: found && withTags(found),
      months: dashboard.months.map((m) => ({ ...m, label: formatUkDate(`${m.month}-01`).replace(/^1 /, '') })),
      q,
      flash,
      errors,
      errorList: Object.entries(errors).map(([name, text]) => ({ text, href: `#${name}` })),
    })
  }
}
