import { formatUkDate } from './uk-date.ts'
import { addWorkingDays, workingDaysBetween } from './working-days.ts'

/** The Freedom of Information Act 2000 s.10 clock, counted in UK working days (the day of receipt is day zero). */
export const STATUTORY_WORKING_DAYS = 20
/** Past this a request is conventionally "very late"; it is also the most an internal review or an extension should take. */
export const MAXIMUM_WORKING_DAYS = 40
/** Good practice for the disclosure log: a response published within this many working days of the answer. */
export const PUBLICATION_TARGET_WORKING_DAYS = 20

export type Timeliness = 'on_time' | 'late' | 'very_late'

export const TIMELINESS_LABELS: Record<Timeliness, string> = {
  on_time: 'On time',
  late: 'Late',
  very_late: 'Very late',
}

export interface FoiDates {
  receivedOn: string
  clarificationSoughtOn?: string | null
  clarificationReceivedOn?: string | null
  extendedDeadline?: string | null
  answeredOn?: string | null
}

export interface FoiClock {
  /** The day the clock runs from: receipt, or the requester's reply to a request for clarification. Null while it is stopped. */
  startedOn: string | null
  stopped: boolean
  /** The 20th working day after the clock started. */
  statutoryDeadline: string | null
  /** The date to answer by: the public interest extension when there is one, else the statutory deadline. */
  target: string | null
  /** The 40th working day after the clock started: answered after this, a request is very late. */
  veryLateAfter: string | null
  /** Working days used: to the answer, or to the given day while unanswered. */
  workingDaysUsed: number | null
  /** Judged at the answer, or at the given day while unanswered. Null while the clock is stopped. */
  timeliness: Timeliness | null
}

/** The statutory deadline: the 20th working day after receipt, or after the reply to a request for clarification. */
export function foiDeadline(dates: FoiDates): string | null {
  const start = clockStart(dates)
  return start && addWorkingDays(start, STATUTORY_WORKING_DAYS)
}

function clockStart(dates: FoiDates): string | null {
  if (dates.clarificationSoughtOn) return dates.clarificationReceivedOn ?? null
  return dates.receivedOn
}

export function foiClock(dates: FoiDates, today: string): FoiClock {
  const startedOn = clockStart(dates)
  if (!startedOn) {
    return {
      startedOn: null,
      stopped: true,
      statutoryDeadline: null,
      target: null,
      veryLateAfter: null,
      workingDaysUsed: null,
      timeliness: null,
    }
  }
  const statutoryDeadline = addWorkingDays(startedOn, STATUTORY_WORKING_DAYS)
  const target =
    dates.extendedDeadline && dates.extendedDeadline > statutoryDeadline ? dates.extendedDeadline : statutoryDeadline
  const veryLateAfter = addWorkingDays(startedOn, MAXIMUM_WORKING_DAYS)
  const judgedOn = dates.answeredOn ?? today
  return {
    startedOn,
    stopped: false,
    statutoryDeadline,
    target,
    veryLateAfter,
    workingDaysUsed: workingDaysBetween(startedOn, judgedOn),
    timeliness: judgedOn > veryLateAfter ? 'very_late' : judgedOn > target ? 'late' : 'on_time',
  }
}

/**
 * Why a public interest extension to this date cannot be accepted, or null. It must move the target
 * past the statutory deadline, and not beyond the 40th working day.
 */
/** The dates a public interest extension may set: after the statutory deadline, up to 40 working days. */
export function extensionWindow(dates: FoiDates): { statutory: string; earliest: string; latest: string } | null {
  const start = clockStart(dates)
  if (!start) return null
  return {
    statutory: addWorkingDays(start, STATUTORY_WORKING_DAYS),
    earliest: addWorkingDays(start, STATUTORY_WORKING_DAYS + 1),
    latest: addWorkingDays(start, MAXIMUM_WORKING_DAYS),
  }
}

export function extensionProblem(dates: FoiDates, proposed: string): string | null {
  const window = extensionWindow(dates)
  if (!window)
    return 'The clock is stopped while clarification is awaited: record the reply before extending the deadline'
  const allowed = `between ${formatUkDate(window.earliest)} and ${formatUkDate(window.latest)}`
  if (proposed <= window.statutory)
    return `The extended deadline must be after the statutory deadline: choose a date ${allowed}`
  if (proposed > window.latest)
    return `The extended deadline must be no more than ${MAXIMUM_WORKING_DAYS} working days after receipt: choose a date ${allowed}`
  return null
}

export interface ReviewDeadlines {
  /** 20 working days after the review was asked for: the normal time. */
  due: string
  /** 40 working days: the longest an exceptional review should take. */
  latest: string
}

export function reviewDeadlines(requestedOn: string): ReviewDeadlines {
  return {
    due: addWorkingDays(requestedOn, STATUTORY_WORKING_DAYS),
    latest: addWorkingDays(requestedOn, MAXIMUM_WORKING_DAYS),
  }
}

export interface PublicationDelay {
  /** Working days from the answer to publication, or to the given day while unpublished. */
  workingDays: number
  late: boolean
}

export function publicationDelay(answeredOn: string, publishedOn: string | null, today: string): PublicationDelay {
  const workingDays = workingDaysBetween(answeredOn, publishedOn ?? today)
  return { workingDays, late: workingDays > PUBLICATION_TARGET_WORKING_DAYS }
}
