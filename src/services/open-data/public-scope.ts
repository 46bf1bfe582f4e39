import { sql } from 'kysely'
import { PUBLIC_STATUSES } from '../../domain/decision.ts'

/**
 * What open data may contain, as SQL over the aliases `d` (decisions) and `a` (awards). Every query of this
 * module goes through these, so an export, an API response and a feed leave out the same things.
 */
const statuses = sql.join(PUBLIC_STATUSES.map((status) => sql.lit(status)))

/** A decision `d` listed publicly at all (a confidential one only as a stub). */
export const listedDecision = sql<boolean>`(d.status in (${statuses}) and d.review_status = 'reviewed')`

/** A decision `d` whose content (text, awards) is public: listed and not confidential. */
export const openDecision = sql<boolean>`(${listedDecision} and d.classification <> 'confidential')`

/** An award `a` of decision `d` that is public. */
export const openAward = sql<boolean>`(${openDecision} and not a.withheld)`

/** The date a decision is filed under: when it was decided, else when it was received. */
export const decisionDate = sql<string | null>`coalesce(d.date_decided, d.date_received)`

/**
 * The financial year (by its first year) a decision `d` is filed under. Written exactly as in the index of
 * migration 0004, so a filter on it reads that index in id order.
 */
export const decisionFinancialYear = sql<number>`((extract(year from coalesce(d.date_decided, d.date_received)))::integer - (case when extract(month from coalesce(d.date_decided, d.date_received)) < 4 then 1 else 0 end))`

/** An organisation `o` with a public part (the same rule as the public pages). */
export { publicOrganisation } from '../../db/repositories/public.ts'

/** A decision `d` whose stated total and partner contributions are public: open, with no award withheld. */
export { publicMoney as openMoney } from '../../db/repositories/public.ts'
