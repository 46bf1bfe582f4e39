import { monthLabel, monthOf, type PanelReport, type Quarter } from '../../domain/forward-plan.ts'
import type { PlanEntryRow, TakenDecisionRow } from '../../services/forward-plan/forward-plan.ts'

/** Plan entries under their expected month, in order. */
export function groupByMonth(entries: readonly PlanEntryRow[]) {
  const months: Array<{ month: string; label: string; entries: PlanEntryRow[] }> = []
  for (const entry of entries) {
    const last = months.at(-1)
    if (last?.month === entry.expectedMonth) last.entries.push(entry)
    else months.push({ month: entry.expectedMonth, label: monthLabel(entry.expectedMonth), entries: [entry] })
  }
  return months
}

/** The quarter select's items, the chosen one selected. */
export function quarterItems(quarters: readonly Quarter[], chosen: string) {
  return quarters.map((q) => ({ value: q.id, text: `${q.label} (${q.months})`, selected: q.id === chosen }))
}

export interface PanelSection {
  id: string
  heading: string
  description: string
  kind: 'entries' | 'decisions'
  entries: Array<PlanEntryRow & { expectedLabel: string; takenMonthLabel: string | null }>
  decisions: TakenDecisionRow[]
}

/** The panel report's five lists, each with a heading and a sentence saying what it holds. */
export function panelSections(
  report: PanelReport<PlanEntryRow, TakenDecisionRow>,
  options: { staff: boolean },
): PanelSection[] {
  const withLabels = (entries: PlanEntryRow[]) =>
    entries.map((e) => ({
      ...e,
      expectedLabel: monthLabel(e.expectedMonth),
      takenMonthLabel: e.takenOn ? monthLabel(monthOf(e.takenOn)) : null,
    }))
  const section = (id: string, heading: string, description: string, entries: PlanEntryRow[]): PanelSection => ({
    id,
    heading,
    description,
    kind: 'entries',
    entries: withLabels(entries),
    decisions: [],
  })
  return [
    section(
      'on-time',
      'Taken on time',
      'Planned decisions taken in the quarter, in or before their expected month.',
      report.onTime,
    ),
    section('late', 'Taken late', 'Planned decisions taken in the quarter after their expected month.', report.late),
    section('dropped', 'Dropped', 'Planned decisions dropped in the quarter, with the reason.', report.dropped),
    section(
      'outstanding',
      'Outstanding past their month',
      'Planned decisions whose expected month had ended by the end of the quarter (or today, while it runs), neither taken nor dropped.',
      report.outstanding,
    ),
    {
      id: 'never-planned',
      heading: 'Taken but never on the plan',
      description: options.staff
        ? 'Decisions taken in the quarter (approved, published or imported) that no planned decision names.'
        : 'Published decisions taken in the quarter that no planned decision names.',
      kind: 'decisions',
      entries: [],
      decisions: report.neverPlanned,
    },
  ]
}
