import type { NextFunction, Request, Response } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { isEditable, mayActOnStage } from '../../../../domain/workflow.ts'
import type { Services } from '../../../../services/index.ts'
import { type Signer } from '../../../../services/decisions/workflow.ts'
import { scopeOf } from '../../../auth.ts'
import { errorList, type FieldErrors } from '../../../validation.ts'

export function signerOf(res: Response): Signer {
  const user = res.locals.user!
  return { userId: user.id, name: user.name, roles: user.roles }
}

/** What every staff page of one decision needs: the decision, its errors, and whether the person may sign it. */
export abstract class DecisionPage {
  constructor(protected readonly services: Services) {}

  /**
   * A decision drafted in the register, of the request's offices. With `anyOrigin`, also one imported from a
   * document or loaded as a demonstration (read-only: only the decision's own page takes this).
   */
  protected async load(req: Request, options: { anyOrigin?: boolean } = {}): Promise<DecisionDetail | undefined> {
    const id = Number(req.params.id)
    if (!Number.isSafeInteger(id) || id <= 0) return undefined
    // The request's office scope: a decision of an office the person does not belong to is not found.
    const detail = await this.services.workflow.detail(id, scopeOf(req.res!))
    return detail && (options.anyOrigin || detail.decision.created_by !== null) ? detail : undefined
  }

  /**
   * A draft: a decision past drafting sends the officer to its page, which says where it is in sign-off.
   * Undefined (after responding) when the page must not be shown.
   */
  protected async loadDraft(req: Request, res: Response, next: NextFunction): Promise<DecisionDetail | undefined> {
    const detail = await this.load(req)
    if (!detail) {
      next()
      return undefined
    }
    // Another officer may read the draft's pages; saving is refused by the workflow, saying who holds it.
    if (!isEditable(detail.decision.status)) {
      res.redirect(303, `/staff/decisions/${detail.decision.id}`)
      return undefined
    }
    return detail
  }

  protected renderErrors(res: Response, view: string, model: Record<string, unknown>, errors: FieldErrors): void {
    res.status(Object.keys(errors).length ? 400 : 200).render(view, { ...model, errors, errorList: errorList(errors) })
  }

  protected async signVerdict(detail: DecisionDetail, res: Response) {
    const user = res.locals.user!
    const d = detail.decision
    const earlier = detail.signOffs
      .filter((s) => s.outcome === 'approved')
      .map((s) => ({ userId: s.signer_user_id, stage: s.stage }))
    const editorIds = await this.services.workflow.editors(d.id)
    return mayActOnStage({
      signerId: user.id,
      signerRoles: scopeOf(res).rolesIn(d.office_id),
      authorId: d.created_by,
      status: d.status,
      earlierSigners: earlier,
      editorIds,
    })
  }
}
