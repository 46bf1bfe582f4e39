import type { NextFunction, Request, Response } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { ConcurrentEditError, WorkflowError } from '../../../../services/decisions/workflow.ts'
import { actorOf } from '../../../auth.ts'
import type { FieldErrors } from '../../../validation.ts'
import type { Body } from './forms.ts'
import { DecisionPage } from './page.ts'
import { field } from './part-fields.ts'

const GSS_CODE = /^[EWSN]\d{8}$/

/** The areas a decision serves: chosen from the register's areas with their GSS codes, or one added. */
export class AreasController extends DecisionPage {
  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    const choices = await this.services.workflow.areaChoices(detail.decision.id)
    res.render(
      'pages/staff/decisions/areas',
      await this.model(detail, { areas: choices.filter((a) => a.chosen).map((a) => String(a.id)) }),
    )
  }

  post = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    const body = req.body as Body
    const raw = body.areas
    const chosen = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String)
    const values = { ...body, areas: chosen }
    const errors: FieldErrors = {}
    const ids = chosen.map(Number)
    if (ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) errors.areas = 'Choose areas from the list'
    const name = field(body, 'newArea')
    const gss = field(body, 'newAreaGss').toUpperCase()
    if (name.length > 200) errors.newArea = 'The area’s name must be 200 characters or fewer'
    if (gss && !name) errors.newArea = 'Enter the name of the area the GSS code belongs to'
    if (gss && !GSS_CODE.test(gss)) errors.newAreaGss = 'Enter a GSS code like E07000170: a letter and 8 digits'
    if (!ids.length && !name && !Object.keys(errors).length) errors.areas = 'Choose at least one area, or add one'
    const fail = async (e: FieldErrors) =>
      this.renderErrors(res, 'pages/staff/decisions/areas', await this.model(detail, values, Number(body.version)), e)
    if (Object.keys(errors).length) return fail(errors)
    try {
      await this.services.workflow.saveAreas(
        detail.decision.id,
        Number(body.version),
        { areaIds: ids, newArea: name ? { name, gssCode: gss || null } : null },
        actorOf(res),
      )
    } catch (error) {
      if (error instanceof ConcurrentEditError) return fail({ version: error.message })
      if (error instanceof WorkflowError) return fail({ [error.field ?? 'areas']: error.message })
      throw error
    }
    res.redirect(303, `/staff/decisions/${detail.decision.id}?saved=areas`)
  }

  private async model(detail: DecisionDetail, values: Record<string, unknown>, version = detail.decision.version) {
    const chosen = new Set((values.areas as string[] | undefined) ?? [])
    const choices = await this.services.workflow.areaChoices(detail.decision.id)
    return {
      d: detail.decision,
      version,
      values,
      items: choices.map((a) => ({
        value: String(a.id),
        text: a.name,
        hint: a.gssCode ? { text: `GSS code ${a.gssCode}` } : undefined,
        checked: chosen.has(String(a.id)),
      })),
    }
  }
}
