import type { DecisionDetail } from '../../db/repositories/decisions/decisions.ts'
import type { AppendixSummary, CompletableTask } from '../../db/repositories/decisions/draft-parts.ts'

export type TaskKey =
  'details' | 'finance' | 'areas' | 'awards' | 'contributions' | 'appendices' | 'classification' | 'links'
export type TaskState = 'completed' | 'in_progress' | 'not_started'

export interface TaskStatus {
  key: TaskKey
  title: string
  /** The page that answers it. */
  path: string
  required: boolean
  state: TaskState
}

export const TASK_TITLES: Record<TaskKey, string> = {
  details: 'Decision details',
  finance: 'Financial information',
  areas: 'Areas served',
  awards: 'Awards',
  contributions: 'Partner contributions',
  appendices: 'Appendices',
  classification: 'Classification',
  links: 'Related decisions',
}

type Award = DecisionDetail['awards'][number]

/** An award holds everything the public pages and open data show of it. */
export function awardIsComplete(a: Award): boolean {
  return Boolean(
    a.recipient_name &&
    a.amount_pence > 0 &&
    a.period_start &&
    a.period_end &&
    a.funding_stream_id !== null &&
    a.route !== null &&
    (a.route !== 'direct_award' || a.route_justification) &&
    a.purpose,
  )
}

/**
 * Where each section of the task list stands. Sections the officer marks as done ("Have you completed this
 * section?") are completed only when marked and every part is complete; the rest follow from what is recorded.
 */
export function taskStatuses(
  detail: DecisionDetail,
  completed: readonly CompletableTask[],
  appendices: readonly AppendixSummary[],
): TaskStatus[] {
  const d = detail.decision
  const marked = (task: CompletableTask) => completed.includes(task)
  const state = (done: boolean, started: boolean): TaskState =>
    done ? 'completed' : started ? 'in_progress' : 'not_started'
  const awardsNeeded = d.kind !== 'information'
  const statuses: Array<Omit<TaskStatus, 'title' | 'path'>> = [
    {
      key: 'details',
      required: true,
      state: state(Boolean(d.title && d.author_name && d.executive_summary && d.decision_text), true),
    },
    {
      key: 'finance',
      required: true,
      state: state(
        d.revenue_or_capital !== null && d.in_budget !== null,
        d.revenue_or_capital !== null ||
          d.in_budget !== null ||
          d.stated_total_pence !== null ||
          detail.sections.some((s) => s.key === 'financial_information'),
      ),
    },
    { key: 'areas', required: true, state: state(detail.areas.length > 0, false) },
    {
      key: 'awards',
      required: awardsNeeded,
      state: state(
        marked('awards') && detail.awards.every(awardIsComplete),
        detail.awards.length > 0 || marked('awards'),
      ),
    },
    {
      key: 'contributions',
      required: false,
      state: state(marked('contributions'), detail.contributions.length > 0),
    },
    {
      key: 'appendices',
      required: false,
      state: state(marked('appendices'), appendices.length > 0),
    },
    { key: 'classification', required: true, state: state(marked('classification'), false) },
    { key: 'links', required: false, state: state(marked('links'), detail.links.length > 0) },
  ]
  return statuses.map((s) => ({ ...s, title: TASK_TITLES[s.key], path: s.key }))
}

/** The required sections not yet completed: submission is refused until there are none. */
export function sectionsLeft(statuses: readonly TaskStatus[]): TaskStatus[] {
  return statuses.filter((s) => s.required && s.state !== 'completed')
}
