/** Columns that several public lists read the same way, so that each list shows them alike. */

/** An award's amount and its period, read from `awards as a`: what `describeListedTotal` and the API need to say it. */
export const AWARD_AMOUNT_COLUMNS = [
  'a.amount_pence',
  'a.per_annum',
  'a.up_to',
  'a.period_label',
  'a.period_start',
  'a.period_end',
] as const

/** What names and links a decision, read from `decisions as d` joined to its office as `organisations as o`. */
export const DECISION_LINK_COLUMNS = ['d.id', 'd.reference', 'd.title', 'd.slug', 'o.name as office_name'] as const
