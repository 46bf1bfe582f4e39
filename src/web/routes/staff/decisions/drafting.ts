import type { NextFunction, Request, Response } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { PROCUREMENT_ROUTES, ROUTE_LABELS, LINK_KINDS, LINK_LABELS } from '../../../../domain/decision.ts'
import { financialYear, financialYearOf } from '../../../../domain/financial-year.ts'
import { todayInLondon } from '../../../../domain/uk-date.ts'
import { isEditable } from '../../../../domain/workflow.ts'
import { ConcurrentEditError, WorkflowError } from '../../../../services/decisions/workflow.ts'
import { actorOf } from '../../../auth.ts'
import { type FieldErrors } from '../../../validation.ts'
import {
  awardRowsFrom,
  awardRowsOf,
  contributionRowsFrom,
  contributionRowsOf,
  detailsSchema,
  detailsValues,
  financeSchema,
  parseForm,
  parseMoney,
  totalsByYear,
  type AwardRowInput,
  type Body,
  type ContributionRowInput,
} from './forms.ts'
import { EXEMPTIONS, parseClassification, parseLinks } from './classification-form.ts'
import { DecisionPage } from './page.ts'

const BLANK_AWARD: AwardRowInput = {
  recipient: '',
  amount: '',
  year: '',
  perAnnum: false,
  upTo: false,
  via: '',
  route: '',
  stream: '',
  justification: '',
}
const BLANK_CONTRIBUTION: ContributionRowInput = {
  organisation: '',
  amount: '',
  perAnnum: false,
  upTo: false,
  condition: '',
}

/** Starting a draft and the form of each of its tasks. */
export class DraftController extends DecisionPage {
  newForm = (_req: Request, res: Response): void => {
    res.render('pages/staff/decisions/details', {
      values: { kind: 'decision', authorName: res.locals.user!.name },
      isNew: true,
    })
  }

  create = async (req: Request, res: Response): Promise<void> => {
    const { data, errors } = parseForm(detailsSchema, req.body as Body)
    if (!data) return this.renderErrors(res, 'pages/staff/decisions/details', { values: req.body, isNew: true }, errors)
    const id = await this.services.workflow.createDraft(data, actorOf(res))
    res.redirect(`/staff/decisions/${id}`)
  }

  editForm =
    (task: 'details' | 'finance' | 'money' | 'classification' | 'links') =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const detail = await this.load(req)
      if (!detail) return next()
      if (!isEditable(detail.decision.status)) return res.redirect(`/staff/decisions/${detail.decision.id}`)
      res.render(`pages/staff/decisions/${task}`, await this.taskModel(task, detail, this.currentValues(task, detail)))
    }

  save =
    (task: 'details' | 'finance' | 'money' | 'classification' | 'links') =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const detail = await this.load(req)
      if (!detail) return next()
      const body = req.body as Body
      const id = detail.decision.id
      const version = Number(body.version)
      const values = task === 'money' ? this.moneyValues(body) : body
      const fail = async (errors: FieldErrors) =>
        this.renderErrors(
          res,
          `pages/staff/decisions/${task}`,
          await this.taskModel(task, detail, values, version),
          errors,
        )
      try {
        const actor = actorOf(res)
        if (task === 'details') {
          const { data, errors } = parseForm(detailsSchema, body)
          if (!data) return fail(errors)
          await this.services.workflow.saveDetails(id, version, data, actor)
        } else if (task === 'finance') {
          const { data, errors } = parseForm(financeSchema, body)
          if (!data) return fail(errors)
          await this.services.workflow.saveFinance(id, version, data, actor)
        } else if (task === 'money') {
          const streams = await this.streams()
          const parsed = parseMoney(
            awardRowsFrom(body),
            contributionRowsFrom(body),
            String(body.statedTotal ?? ''),
            streams.map((s) => s.id),
          )
          if (
            body.action === 'add-row' ||
            body.action === 'add-contribution' ||
            body.action === 'recalculate' ||
            Object.keys(parsed.errors).length
          ) {
            const model = await this.taskModel(task, detail, values, version)
            if (body.action === 'add-row') (model.awardRows as AwardRowInput[]).push(BLANK_AWARD, BLANK_AWARD)
            if (body.action === 'add-contribution')
              (model.contributionRows as ContributionRowInput[]).push(BLANK_CONTRIBUTION)
            return this.renderErrors(
              res,
              'pages/staff/decisions/money',
              { ...model, totals: totalsByYear(parsed.awards) },
              body.action ? {} : parsed.errors,
            )
          }
          await this.services.workflow.saveMoney(
            id,
            version,
            {
              statedTotalPence: parsed.statedTotalPence,
              awards: parsed.awards.map((a) => {
                const year = financialYear(a.startYear)
                return {
                  recipientName: a.recipient,
                  amountPence: a.amountPence,
                  periodLabel: year.label,
                  periodStart: year.start,
                  periodEnd: year.end,
                  financialYear: a.startYear,
                  perAnnum: a.perAnnum,
                  upTo: a.upTo,
                  viaName: a.via,
                  route: a.route,
                  routeJustification: a.justification,
                  fundingStreamId: a.streamId,
                }
              }),
              contributions: parsed.contributions.map((c) => ({
                organisationName: c.organisation,
                amountPence: c.amountPence,
                perAnnum: c.perAnnum,
                upTo: c.upTo,
                condition: c.condition,
              })),
            },
            actor,
          )
        } else if (task === 'classification') {
          const { data, errors } = parseClassification(body)
          if (!data) return fail(errors)
          await this.services.workflow.saveClassification(id, version, data, actor)
        } else {
          const { data, errors } = parseLinks(body)
          if (!data) return fail(errors)
          await this.services.workflow.saveLinks(id, version, data, actor)
        }
        res.redirect(`/staff/decisions/${id}?saved=1`)
      } catch (error) {
        if (error instanceof ConcurrentEditError) return fail({ version: error.message })
        if (error instanceof WorkflowError) return fail({ [error.field ?? 'title']: error.message })
        throw error
      }
    }
  private currentValues(task: string, detail: DecisionDetail): Record<string, unknown> {
    if (task === 'money') {
      return {
        awardRows: [...awardRowsOf(detail), BLANK_AWARD, BLANK_AWARD],
        contributionRows: [...contributionRowsOf(detail), BLANK_CONTRIBUTION],
        statedTotal:
          detail.decision.stated_total_pence === null ? '' : (detail.decision.stated_total_pence / 100).toFixed(2),
      }
    }
    if (task === 'classification') {
      const values: Record<string, unknown> = {
        classification: detail.decision.classification,
        exemption: detail.decision.exemption ?? '',
      }
      for (const s of detail.sections)
        if (s.withheld) Object.assign(values, { [`withhold-${s.key}`]: 'yes', [`exemption-${s.key}`]: s.exemption })
      if (detail.decision.awards_exemption)
        Object.assign(values, { 'withhold-awards': 'yes', 'exemption-awards': detail.decision.awards_exemption })
      return values
    }
    if (task === 'links') {
      return {
        links: [
          ...detail.links.filter((l) => l.direction === 'from').map((l) => ({ reference: l.reference, kind: l.kind })),
          { reference: '', kind: '' },
        ],
      }
    }
    return detailsValues(detail)
  }

  private moneyValues(body: Body): Record<string, unknown> {
    const awardRows = awardRowsFrom(body)
    const contributionRows = contributionRowsFrom(body)
    return {
      awardRows: awardRows.length ? awardRows : [BLANK_AWARD],
      contributionRows: contributionRows.length ? contributionRows : [BLANK_CONTRIBUTION],
      statedTotal: body.statedTotal ?? '',
    }
  }

  private async taskModel(
    task: string,
    detail: DecisionDetail,
    values: Record<string, unknown>,
    version = detail.decision.version,
  ): Promise<Record<string, unknown>> {
    const model: Record<string, unknown> = { d: detail.decision, version, values, ...values }
    if (task === 'money') {
      const current = financialYearOf(todayInLondon()).startYear
      model.years = Array.from({ length: 12 }, (_, i) => financialYear(current + 3 - i))
      model.routes = PROCUREMENT_ROUTES.map((r) => ({ value: r, text: ROUTE_LABELS[r] }))
      model.streams = await this.streams()
      model.totals = []
    }
    if (task === 'classification') model.exemptions = EXEMPTIONS
    if (task === 'links') {
      model.linkKinds = LINK_KINDS.map((k) => ({ value: k, text: LINK_LABELS[k] }))
      if (!Array.isArray(values.links)) model.links = parseLinkRows(values)
    }
    return model
  }

  private async streams(): Promise<Array<{ id: number; name: string }>> {
    return (await this.services.funding.streams()).map(({ id, name }) => ({ id, name }))
  }
}

function parseLinkRows(values: Record<string, unknown>): Array<{ reference: string; kind: string }> {
  const links: Array<{ reference: string; kind: string }> = []
  for (let i = 0; i < 20; i++) {
    if (values[`links-${i}-reference`] === undefined) break
    links.push({ reference: String(values[`links-${i}-reference`]), kind: String(values[`links-${i}-kind`] ?? '') })
  }
  return links.length ? links : [{ reference: '', kind: '' }]
}
