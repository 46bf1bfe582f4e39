/**
 * The recommissioning pipeline: when each commissioned service must end at the latest, and which ones end
 * soon with nothing yet decided to follow them.
 */
import { daysBetween, lastDayOfMonth } from './uk-date.ts'

/** A date some whole months later; the last day of a month stays the last day ("2024-03-31" + 24 → "2026-03-31"). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = (index % 12) + 1
  const lastDay = Number(lastDayOfMonth(targetYear, targetMonth).slice(8))
  const isMonthEnd = date === lastDayOfMonth(year, month)
  const targetDay = isMonthEnd ? lastDay : Math.min(day, lastDay)
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`
}

export interface ContractTerm {
  /** The end of the original term; extensions are counted from it. */
  endDate: string
  /** The extensions the contract allows in all, in months. */
  extensionMonths: number | null
  /** The months of extension already taken. */
  extensionTakenMonths: number
}

/** The end as things stand: the original end plus the extensions taken. */
export function currentEnd(term: ContractTerm): string {
  return addMonths(term.endDate, term.extensionTakenMonths)
}

/** The latest the service can run to, counting every extension not yet taken. */
export function latestPossibleEnd(term: ContractTerm): string {
  return addMonths(term.endDate, Math.max(term.extensionMonths ?? 0, term.extensionTakenMonths))
}

export const PIPELINE_WINDOWS = [6, 12, 18] as const
export type PipelineWindow = (typeof PIPELINE_WINDOWS)[number]

/** The smallest window (6, 12 or 18 months from `on`) that a date falls in; null if it is past or further off. */
export function pipelineWindow(end: string, on: string): PipelineWindow | null {
  if (end < on) return null
  return PIPELINE_WINDOWS.find((months) => end <= addMonths(on, months)) ?? null
}

export interface PipelineCandidate<T> extends ContractTerm {
  item: T
  /** Decisions that commission a successor: the date each was decided (null when not known). */
  successorDecidedOn: ReadonlyArray<string | null>
}

export interface PipelineEntry<T> {
  item: T
  currentEnd: string
  latestEnd: string
  window: PipelineWindow
  daysLeft: number
  extensionAvailableMonths: number
}

/**
 * Services whose latest possible end falls within 18 months of `on`, with no successor decided by then,
 * soonest first. A successor decided after `on` did not exist on that date, so it does not count.
 */
export function recommissioningPipeline<T>(
  candidates: ReadonlyArray<PipelineCandidate<T>>,
  on: string,
): Array<PipelineEntry<T>> {
  const entries: Array<PipelineEntry<T>> = []
  for (const candidate of candidates) {
    const hasSuccessor = candidate.successorDecidedOn.some((decided) => decided === null || decided <= on)
    if (hasSuccessor) continue
    const latestEnd = latestPossibleEnd(candidate)
    const window = pipelineWindow(latestEnd, on)
    if (window === null) continue
    entries.push({
      item: candidate.item,
      currentEnd: currentEnd(candidate),
      latestEnd,
      window,
      daysLeft: daysBetween(on, latestEnd),
      extensionAvailableMonths: Math.max(0, (candidate.extensionMonths ?? 0) - candidate.extensionTakenMonths),
    })
  }
  return entries.sort((a, b) => a.latestEnd.localeCompare(b.latestEnd))
}
