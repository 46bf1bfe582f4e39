import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { withheldNotice } from '../../../../domain/publication.ts'
import { decisionOutcome } from '../../../../services/decisions/outcome.ts'
import { decisionViewModel } from '../../public/decisions/decision.ts'

/**
 * What the public will see once the decision is published: withheld sections replaced by their exemption;
 * with a withheld award, no awards, stated total or contributions; a confidential decision only as a stub.
 */
export function publicPreview(detail: DecisionDetail) {
  const d = detail.decision
  const model = decisionViewModel(detail)
  const moneyWithheld = d.awards_exemption !== null
  return {
    ...model,
    outcome: decisionOutcome(d),
    confidential: d.classification === 'confidential',
    confidentialNotice: withheldNotice(d.exemption),
    moneyWithheld,
    areaNames: detail.areas.map((a) => a.name).join(', '),
    awardsNotice: moneyWithheld ? withheldNotice(d.awards_exemption) : null,
    statedTotal: moneyWithheld ? null : model.statedTotal,
    contributions: moneyWithheld ? [] : model.contributions,
  }
}
