import { OfficeScope } from '../../domain/office-scope.ts'
import type { Database } from '../../db/database.ts'
import { FoiRepository, type FoiClockRow } from '../../db/repositories/foi/foi.ts'
import {
  foiClock,
  publicationDelay,
  reviewDeadlines,
  type FoiClock,
  type PublicationDelay,
  type ReviewDeadlines,
} from '../../domain/foi-clock.ts'
import { isClockRunning, type FoiStatus } from '../../domain/foi.ts'
import { addDays, todayInLondon } from '../../domain/uk-date.ts'

export interface ClockedRequest extends FoiClockRow {
  clock: FoiClock
}

export interface ReviewedRequest extends FoiClockRow {
  review: ReviewDeadlines
  reviewLate: boolean
}

export interface UnpublishedRequest extends FoiClockRow {
  publication: PublicationDelay
}

export interface MonthShare {
  /** YYYY-MM */
  month: string
  answered: number
  onTime: number
  /** Whole per cent, or null for a month without answers. */
  percent: number | null
}

export interface FoiDashboard {
  today: string
  weekEnds: string
  overdue: ClockedRequest[]
  dueThisWeek: ClockedRequest[]
  dueLater: ClockedRequest[]
  awaitingClarification: FoiClockRow[]
  inReview: ReviewedRequest[]
  awaitingPublication: UnpublishedRequest[]
  months: MonthShare[]
}

/** How a request's deadline stands, for the list's "due" filter. */
export const DUE_FILTERS = ['overdue', 'this_week', 'later'] as const
export type DueFilter = (typeof DUE_FILTERS)[number]

export interface FoiListFilter {
  status?: FoiStatus
  due?: DueFilter
  receivedFrom?: string
  receivedTo?: string
  text?: string
  page?: number
}

export interface FoiListPage {
  rows: Array<FoiClockRow & { clock: FoiClock }>
  total: number
  page: number
  pageCount: number
}

export const FOI_LIST_PAGE_SIZE = 25

const MONTHS_SHOWN = 12
const SEARCH_LIMIT = 50

/** The FOI officer's view: what is overdue, what falls due this week, what waits, and how punctual the office has been. */
export class FoiDashboardService {
  private readonly requests: FoiRepository

  constructor(
    database: Database,
    private readonly today: () => string = () => todayInLondon(),
  ) {
    this.requests = new FoiRepository(database.db)
  }

  /** The requests of the scope's offices (every office, for the system). */
  async dashboard(scope: OfficeScope = OfficeScope.system): Promise<FoiDashboard> {
    const today = this.today()
    const weekEnds = endOfWeek(today)
    const [active, months] = await Promise.all([this.requests.activeClocks(scope), this.monthlyShares(today, scope)])
    const running = active.filter((r) => isClockRunning(r.status)).map((r) => ({ ...r, clock: foiClock(r, today) }))
    const byTarget = (a: ClockedRequest, b: ClockedRequest) =>
      a.clock.target! < b.clock.target! ? -1 : a.clock.target! > b.clock.target! ? 1 : a.id - b.id
    return {
      today,
      weekEnds,
      overdue: running.filter((r) => r.clock.target! < today).sort(byTarget),
      dueThisWeek: running.filter((r) => r.clock.target! >= today && r.clock.target! <= weekEnds).sort(byTarget),
      dueLater: running.filter((r) => r.clock.target! > weekEnds).sort(byTarget),
      awaitingClarification: active.filter((r) => r.status === 'awaiting_clarification'),
      inReview: active
        .filter((r) => r.status === 'internal_review' && r.reviewRequestedOn)
        .map((r) => {
          const review = reviewDeadlines(r.reviewRequestedOn!)
          return { ...r, review, reviewLate: today > review.due }
        }),
      awaitingPublication: active
        .filter((r) => r.answeredOn && !r.publishedOn)
        .map((r) => ({ ...r, publication: publicationDelay(r.answeredOn!, null, today) }))
        .sort((a, b) => b.publication.workingDays - a.publication.workingDays),
      months,
    }
  }

  /**
   * Every request, filtered and a page at a time (a page past the last gives the last). "Due" counts only requests
   * whose clock runs: overdue (the target has passed), due this week (today to Sunday) or due later.
   */
  async list(filter: FoiListFilter, scope: OfficeScope = OfficeScope.system): Promise<FoiListPage> {
    const today = this.today()
    const weekEnds = endOfWeek(today)
    const rows = (await this.requests.filtered(filter, scope)).map((r) => ({ ...r, clock: foiClock(r, today) }))
    const due = filter.due
    const matching = due
      ? rows.filter((r) => {
          const target = r.clock.target
          if (!isClockRunning(r.status) || !target) return false
          if (due === 'overdue') return target < today
          if (due === 'this_week') return target >= today && target <= weekEnds
          return target > weekEnds
        })
      : rows
    const pageCount = Math.max(1, Math.ceil(matching.length / FOI_LIST_PAGE_SIZE))
    const page = Math.min(Math.max(1, filter.page ?? 1), pageCount)
    return {
      rows: matching.slice((page - 1) * FOI_LIST_PAGE_SIZE, page * FOI_LIST_PAGE_SIZE),
      total: matching.length,
      page,
      pageCount,
    }
  }

  /** Requests by reference or by words of their summary, questions and answers, newest first. */
  async search(text: string, scope: OfficeScope = OfficeScope.system): Promise<ClockedRequest[]> {
    const today = this.today()
    const rows = await this.requests.search(text, SEARCH_LIMIT, scope)
    return rows.map((r) => ({ ...r, clock: foiClock(r, today) }))
  }

  /** The share of requests answered on time in each of the twelve months up to this one (none: no answers yet). */
  private async monthlyShares(today: string, scope: OfficeScope): Promise<MonthShare[]> {
    const latest = await this.requests.latestAnswer(scope)
    if (!latest) return []
    const lastMonth = today.slice(0, 7)
    const months = Array.from({ length: MONTHS_SHOWN }, (_, i) => shiftMonth(lastMonth, i - MONTHS_SHOWN + 1))
    const answered = await this.requests.answeredSince(`${months[0]}-01`, scope)
    const shares = new Map(
      months.map((month) => [month, { month, answered: 0, onTime: 0, percent: null as number | null }]),
    )
    for (const r of answered) {
      const share = shares.get(r.answeredOn!.slice(0, 7))
      if (!share) continue
      share.answered++
      if (foiClock(r, today).timeliness === 'on_time') share.onTime++
    }
    for (const share of shares.values())
      if (share.answered) share.percent = Math.round((share.onTime / share.answered) * 100)
    return [...shares.values()].reverse()
  }
}

/** The Sunday ending the week (Monday to Sunday) that contains the day. */
export function endOfWeek(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay()
  return addDays(iso, (7 - day) % 7)
}

function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number)
  const index = year! * 12 + (m! - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}
