import type { Request, Response, NextFunction } from 'express'
import { buildAwardTable } from '../../../../domain/award-table.ts'
import { describeAmount, describeTotalFrom, formatPounds } from '../../../../domain/money-words.ts'
import { KIND_ORDER, totalsByKind } from '../../../../domain/amount-kinds.ts'
import { formatPeriod } from '../../../../domain/uk-date.ts'
import { describeFile } from '../../../../domain/file-description.ts'
import { OUTCOME_TAGS, isRejected, publicOutcome, signOffOutcomeText } from '../../../../domain/outcome.ts'
import { withheldNotice } from '../../../../domain/publication.ts'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import type { Services } from '../../../../services/index.ts'
import { buildNotice } from '../../../../services/decisions/notice.ts'
import { renderNoticePdf } from '../../../../services/decisions/notice-pdf.ts'
import { inRegister } from '../offices/register-context.ts'
import { inlineDisposition, sendUploadedFile } from '../../uploaded-file.ts'

/** One published decision: every public field, its awards, contributions and findings. */
export class DecisionController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.services.register.publicDecision(String(req.params.slug))
    if (!detail || !inRegister(res, detail.decision.office_id)) return next()
    if (detail.decision.classification === 'confidential') {
      res.render('pages/public/decisions/decision-stub', { d: detail.decision, officeName: detail.officeName, notice: withheldNotice(detail.decision.exemption) })
      return
    }
    const slug = detail.decision.slug ?? ''
    const [document, appendices] = await Promise.all([
      this.services.register.publicDocumentInfo(slug),
      this.services.register.publicAppendices(slug),
    ])
    res.render('pages/public/decisions/decision', {
      ...decisionViewModel(detail),
      document: document && { ...document, description: describeFile(document.mediaType, document.sizeBytes) },
      appendices: appendices.map((a) => ({ ...a, description: describeFile(a.mediaType, a.sizeBytes) })),
    })
  }

  /** A public appendix of a public decision, as uploaded. */
  appendix = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = Number(req.params.appendixId)
    if (!Number.isSafeInteger(id) || id <= 0) return next()
    const appendix = await this.services.register.publicAppendix(String(req.params.slug), id)
    if (!appendix) return next()
    sendUploadedFile(res, appendix)
  }

  /** The original published document of an imported record, as it was published. */
  document = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const document = await this.services.register.publicDocument(String(req.params.slug))
    if (!document) return next()
    res
      .type(document.mediaType)
      .set('Content-Disposition', inlineDisposition(document.fileName))
      .send(document.content)
  }

  notice = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.services.register.publicDecision(String(req.params.slug))
    // An imported record's notice is the published document itself: no notice is generated for it.
    if (!detail || !inRegister(res, detail.decision.office_id) || detail.decision.status === 'imported') return next()
    res.render('pages/public/decisions/notice', { notice: buildNotice(detail), slug: detail.decision.slug })
  }

  noticePdf = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.services.register.publicDecision(String(req.params.slug))
    if (!detail || !inRegister(res, detail.decision.office_id) || detail.decision.status === 'imported') return next()
    const pdf = await renderNoticePdf(buildNotice(detail))
    res.type('application/pdf').set('Content-Disposition', `inline; filename="${detail.decision.slug}.pdf"`).send(pdf)
  }
}

export function decisionViewModel(detail: DecisionDetail) {
  const { decision } = detail
  const awards = detail.awards.filter((a) => !a.withheld)
  const awardTable = buildAwardTable(
    awards.map((a) => ({
      recipientName: a.recipient_name,
      purpose: a.purpose,
      viaName: a.via_name,
      route: a.route,
      // GOV.UK style ("October 2023 to March 2024"); the period as printed stays on the import's source view.
      periodLabel: a.period_start && a.period_end ? formatPeriod(a.period_start, a.period_end) : a.period_label,
      periodStart: a.period_start,
      amountPence: a.amount_pence,
      perAnnum: a.per_annum,
      upTo: a.up_to,
    })),
  )
  const contributionsPerAnnum = detail.contributions.filter((c) => c.per_annum)
  const contributionsOnce = detail.contributions.filter((c) => !c.per_annum)
  const streams = [...new Set(awards.map((a) => a.stream_name).filter((s): s is string => Boolean(s)))]
  const justifications = [...new Map(awards.filter((a) => a.route_justification).map((a) => [`${a.recipient_name}\u0000${a.route_justification}`, { recipient: a.recipient_name, text: a.route_justification! }])).values()]
  const rejected = isRejected(detail.signOffs)
  const rejection = rejected ? detail.signOffs.filter((s) => s.stage === 'decision_maker').at(-1) : undefined
  return {
    d: decision,
    outcome: OUTCOME_TAGS[publicOutcome({ ...decision, rejected })],
    rejected,
    rejectionReasons: rejection?.comment ?? null,
    officeName: detail.officeName,
    areas: detail.areas,
    streams,
    justifications,
    sections: detail.sections.map((s) => ({ heading: s.heading, body: s.withheld ? null : s.body, notice: s.withheld ? withheldNotice(s.exemption) : null })),
    awardTable,
    contributions: detail.contributions.map((c) => ({
      ...c,
      amountText: amountText(c.amount_pence, c.per_annum, c.up_to),
      fundingNote: fundingNote(c),
    })),
    contributionSummary: contributionSummary(detail.contributions),
    contributionTotals: {
      perAnnum: contributionsPerAnnum.length ? formatPounds(contributionsPerAnnum.reduce((s, c) => s + c.amount_pence, 0)) : null,
      perAnnumUpTo: contributionsPerAnnum.some((c) => c.up_to),
      once: contributionsOnce.length ? formatPounds(contributionsOnce.reduce((s, c) => s + c.amount_pence, 0)) : null,
    },
    statedTotal: decision.stated_total_pence === null ? null : describeAmount(decision.stated_total_pence, { perAnnum: decision.stated_total_per_annum, upTo: false }),
    findings: detail.findings,
    signOffs: detail.signOffs.map((s) => ({ ...s, outcomeText: signOffOutcomeText(s.stage, s.outcome) })),
    links: detail.links,
  }
}

export function amountText(pence: number, perAnnum: boolean, upTo: boolean): string {
  return describeAmount(pence, { perAnnum, upTo })
}

/** What a contribution subject to funding depends on, in words; null when it depends on nothing still to come. */
export function fundingNote(c: {
  subject_to_funding: boolean
  funding_stream_name: string | null
  funding_condition: string | null
  condition: string | null
}): string | null {
  if (!c.subject_to_funding) return null
  if (c.funding_stream_name) return `Subject to funding from ${c.funding_stream_name}.`
  if (c.funding_condition && c.funding_condition !== c.condition) return c.funding_condition
  return c.condition ? null : 'Subject to funding still to come.'
}

/** One sentence per kind of contribution: "£2,125,000 a year in total from four partners". */
export function contributionSummary(
  contributions: ReadonlyArray<{ amount_pence: number; per_annum: boolean; up_to: boolean; organisation_name: string }>,
): string[] {
  const totals = totalsByKind(contributions.map((c) => ({ amountPence: c.amount_pence, perAnnum: c.per_annum, upTo: c.up_to })))
  return KIND_ORDER.filter((basis) => totals[basis].count > 0).map((basis) => {
    const perAnnum = basis === 'per_annum' || basis === 'up_to_per_annum'
    const upTo = basis === 'up_to' || basis === 'up_to_per_annum'
    const partners = new Set(
      contributions.filter((c) => c.per_annum === perAnnum && c.up_to === upTo).map((c) => c.organisation_name),
    )
    return describeTotalFrom(totals[basis].pence, { perAnnum, upTo }, partners.size, 'partner')
  })
}
