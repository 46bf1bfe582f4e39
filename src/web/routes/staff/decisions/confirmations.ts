import type { Request } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { TASK_TITLES, type TaskKey } from '../../../../services/decisions/tasks.ts'

export interface Banner {
  type: 'success' | undefined
  heading: string
  next: string | null
}

/**
 * What the decision page says after an action, from the address the action redirected to: what happened
 * and what comes next, worded from the decision as it now is.
 */
export function bannerFor(req: Request, detail: DecisionDetail): Banner | null {
  const d = detail.decision
  const done = typeof req.query.done === 'string' ? req.query.done : null
  const saved = typeof req.query.saved === 'string' ? req.query.saved : null
  const maker = d.decision_maker_title ?? 'decision maker'
  if (saved && saved in TASK_TITLES)
    return { type: 'success', heading: `${TASK_TITLES[saved as TaskKey]} saved`, next: null }
  if (req.query.handedOver === '1')
    return {
      type: 'success',
      heading: 'Draft handed over',
      next: 'The officer you chose can now change and submit it. You can no longer change it unless they hand it back.',
    }
  switch (done) {
    case 'submitted':
      return {
        type: 'success',
        heading: `Decision ${d.reference} submitted for sign-off`,
        next: `The chief finance officer signs it off next, then the chief executive and the ${maker}. You cannot change it unless it is returned to you.`,
      }
    case 'finance':
      return {
        type: 'success',
        heading: 'You gave the finance sign-off',
        next: 'The decision now waits for the chief executive’s approval.',
      }
    case 'chief_executive':
      return {
        type: 'success',
        heading: 'You gave the chief executive’s approval',
        next: `The decision now waits for the ${maker} to decide.`,
      }
    case 'approved':
      return {
        type: 'success',
        heading: 'You approved the decision',
        next: 'An officer now checks it and publishes it in the register.',
      }
    case 'rejected':
      return {
        type: 'success',
        heading: 'You rejected the decision',
        next: 'An officer now publishes it in the register with your reasons for rejecting it.',
      }
    case 'returned':
      return {
        type: 'success',
        heading: `You returned the decision to ${d.author_name ?? 'its author'}`,
        next: 'They can change it and submit it again; it then starts the sign-off chain afresh.',
      }
    case 'published':
      return {
        type: 'success',
        heading: `Decision ${d.reference} published`,
        next: 'It is now in the public register and the open data, with withheld parts replaced by their exemptions.',
      }
    default:
      return null
  }
}
