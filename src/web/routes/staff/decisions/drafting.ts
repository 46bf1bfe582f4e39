import type { NextFunction, Request, Response } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { LINK_KINDS, LINK_LABELS } from '../../../../domain/decision.ts'
import { isEditable } from '../../../../domain/workflow.ts'
import { ConcurrentEditError, WorkflowError } from '../../../../services/decisions/workflow.ts'
import { actorOf } from '../../../auth.ts'
import { type FieldErrors } from '../../../validation.ts'
import { detailsSchema, detailsValues, financeSchema, parseForm, type Body } from './forms.ts'
import { EXEMPTIONS, parseClassification, parseLinks } from './classification-form.ts'
import { DecisionPage } from './page.ts'

type Task = 'details' | 'finance' | 'classification' | 'links'

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
    (task: Task) =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const detail = await this.load(req)
      if (!detail) return next()
      if (!isEditable(detail.decision.status)) return res.redirect(`/staff/decisions/${detail.decision.id}`)
      res.render(`pages/staff/decisions/${task}`, await this.taskModel(task, detail, this.currentValues(task, detail)))
    }

  save =
    (task: Task) =>
    async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const detail = await this.load(req)
      if (!detail) return next()
      const body = req.body as Body
      const id = detail.decision.id
      const version = Number(body.version)
      const values = body
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
        } else if (task === 'classification') {
          const { data, errors } = parseClassification(body)
          if (!data) return fail(errors)
          await this.services.workflow.saveClassification(id, version, data, actor)
        } else {
          const { data, errors } = parseLinks(body)
          if (!data) return fail(errors)
          await this.services.workflow.saveLinks(id, version, data, actor)
        }
        res.redirect(303, `/staff/decisions/${id}?saved=${task}`)
      } catch (error) {
        if (error instanceof ConcurrentEditError) return fail({ version: error.message })
        if (error instanceof WorkflowError) return fail({ [error.field ?? 'title']: error.message })
        throw error
      }
    }
  private currentValues(task: string, detail: DecisionDetail): Record<string, unknown> {
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

  private async taskModel(
    task: string,
    detail: DecisionDetail,
    values: Record<string, unknown>,
    version = detail.decision.version,
  ): Promise<Record<string, unknown>> {
    const model: Record<string, unknown> = { d: detail.decision, version, values, ...values }
    if (task === 'classification') model.exemptions = EXEMPTIONS
    if (task === 'links') {
      model.linkKinds = LINK_KINDS.map((k) => ({ value: k, text: LINK_LABELS[k] }))
      if (!Array.isArray(values.links)) model.links = parseLinkRows(values)
    }
    return model
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
