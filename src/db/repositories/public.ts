import { sql } from 'kysely'
import { PUBLIC_STATUSES } from '../../domain/decision.ts'

/**
 * What the public may see, as SQL conditions over conventional aliases. One place, so every public figure
 * leaves out the same things: unpublished or unreviewed decisions, confidential decisions, withheld awards.
 */
const publicStatuses = sql.join(PUBLIC_STATUSES.map((status) => sql.lit(status)))

/** A decision `d` the public may see in full: published or imported, reviewed, not confidential. */
export const publicDecision = sql<boolean>`(d.status in (${publicStatuses}) and d.review_status = 'reviewed' and d.classification <> 'confidential')`

/** An award `a` of decision `d` the public may see. */
export const publicAward = sql<boolean>`(${publicDecision} and not a.withheld)`

/** A commissioned service `s` the public may see: not tied to a decision, or tied to one the public may see. */
export const publicService = sql<boolean>`(s.decision_id is null or exists (select 1 from decisions d where d.id = s.decision_id and ${publicDecision}))`
