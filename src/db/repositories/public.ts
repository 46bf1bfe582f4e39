import { sql } from 'kysely'
import { PUBLIC_STATUSES } from '../../domain/decision.ts'

/**
 * What the public may see, as SQL conditions over conventional aliases. One place, so every public figure
 * leaves out the same things: unpublished or unreviewed decisions, confidential decisions, withheld awards.
 */
const publicStatuses = sql.join(PUBLIC_STATUSES.map((status) => sql.lit(status)))

/** A decision `d` listed publicly at all: published or imported and reviewed (a confidential one only as a stub). */
export const listedDecision = sql<boolean>`(d.status in (${publicStatuses}) and d.review_status = 'reviewed')`

/** A decision `d` the public may see in full: published or imported, reviewed, not confidential. */
export const publicDecision = sql<boolean>`(${listedDecision} and d.classification <> 'confidential')`

/**
 * A decision `d` whose money the public may see: a public decision none of whose awards is withheld. When any
 * award is withheld, its stated total and partner contributions are withheld too, or the withheld amount
 * could be worked out from them.
 */
export const publicMoney = sql<boolean>`(${publicDecision} and d.awards_exemption is null and not exists (select 1 from awards w where w.decision_id = d.id and w.withheld))`

/** An award `a` of decision `d` the public may see. */
export const publicAward = sql<boolean>`(${publicDecision} and not a.withheld)`

/** A commissioned service `s` the public may see: not tied to a decision, or tied to one the public may see. */
export const publicService = sql<boolean>`(s.decision_id is null or exists (select 1 from decisions d where d.id = s.decision_id and ${publicDecision}))`

/** A partner contribution `c` the public may see: recorded against a public service, or part of a decision whose money is public. */
export const publicContribution = sql<boolean>`(case when c.decision_id is null then exists (select 1 from services s where s.id = c.service_id and ${publicService})
  else exists (select 1 from decisions d where d.id = c.decision_id and ${publicMoney}) end)`

/**
 * An organisation `o` with a public part: named by a public award, the office of a listed decision, or named by a
 * public contribution, service or funding stream (in that order, the commonest first: each test runs only when the
 * ones before it fail). A name that appears only in a draft, an unreviewed import, a
 * withheld award or a confidential decision is not public, and must answer as an unknown name does.
 */
export const publicOrganisation = sql<boolean>`(
  exists (select 1 from awards a join decisions d on d.id = a.decision_id where a.recipient_id = o.id and ${publicAward})
  or exists (select 1 from awards a join decisions d on d.id = a.decision_id where a.via_id = o.id and ${publicAward})
  or exists (select 1 from offices f where f.organisation_id = o.id
    and exists (select 1 from decisions d where d.office_id = f.organisation_id and ${listedDecision}))
  or exists (select 1 from contributions c where c.organisation_id = o.id and ${publicContribution})
  or exists (select 1 from service_providers p join services s on s.id = p.service_id where p.organisation_id = o.id and ${publicService})
  or exists (select 1 from services s where s.lead_commissioner_id = o.id and ${publicService})
  or exists (select 1 from funding_streams f where f.funder_id = o.id)
)`

/** An area `ar` the public may know of: an area of a public decision or of a public service. */
export const publicArea = sql<boolean>`(
  exists (select 1 from decision_areas x join decisions d on d.id = x.decision_id where x.area_id = ar.id and ${publicDecision})
  or exists (select 1 from service_areas x join services s on s.id = x.service_id where x.area_id = ar.id and ${publicService})
)`
