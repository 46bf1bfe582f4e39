import type { NextFunction, Request, Response } from 'express'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { STAGE_FOR_STATUS, STAGE_LABELS } from '../../../../domain/workflow.ts'
import { WorkflowError, type SignOffInput } from '../../../../services/decisions/workflow.ts'
import { actorOf } from '../../../auth.ts'
import { type FieldErrors } from '../../../validation.ts'
import { decisionViewModel } from '../../public/decisions/decision.ts'
import { type Body } from './forms.ts'
import { DecisionPage, signerOf } from './page.ts'

/** Signing off a stage: the form, the answers shown back for checking, the signature. */
export class SignOffController extends DecisionPage {
  /** Someone who may not sign this decision now is told why in plain words, and shown no form. */
  signForm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    const verdict = await this.signVerdict(detail, res)
    if (!verdict.ok)
      return res.render('pages/staff/decisions/sign', { ...this.signModel(detail, {}), refusal: verdict.reason })
    res.render('pages/staff/decisions/sign', this.signModel(detail, {}))
  }

  /** The sign-off form posts here first: the answers are shown back for checking before anything is signed. */
  signCheck = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const posted = await this.postedSignOff(req, res, next)
    if (!posted) return
    const { detail, body, input } = posted
    res.render('pages/staff/decisions/sign-check', { ...this.signModel(detail, body), input })
  }

  sign = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const posted = await this.postedSignOff(req, res, next)
    if (!posted) return
    const { detail, body, input } = posted
    try {
      await this.services.workflow.signOff(detail.decision.id, Number(body.version), signerOf(res), input, actorOf(res))
      const stage = STAGE_FOR_STATUS[detail.decision.status]
      const done = input.outcome === 'approved' && stage !== 'decision_maker' ? stage : input.outcome
      res.redirect(303, `/staff/decisions/${detail.decision.id}?done=${done}`)
    } catch (error) {
      if (!(error instanceof WorkflowError)) throw error
      this.renderErrors(res, 'pages/staff/decisions/sign', this.signModel(detail, body), {
        [error.field ?? 'outcome']: error.message,
      })
    }
  }

  /**
   * The decision and the checked answers a sign-off form posted; undefined once it has answered itself: with the
   * next handler when the address names no decision, or with the form and its errors.
   */
  private async postedSignOff(
    req: Request,
    res: Response,
    next: NextFunction,
  ): Promise<{ detail: DecisionDetail; body: Body; input: SignOffInput } | undefined> {
    const detail = await this.load(req)
    if (!detail) {
      next()
      return undefined
    }
    const body = req.body as Body
    const { input, errors } = this.signInput(body, STAGE_FOR_STATUS[detail.decision.status] === 'decision_maker')
    if (!input) {
      this.renderErrors(res, 'pages/staff/decisions/sign', this.signModel(detail, body), errors)
      return undefined
    }
    return { detail, body, input }
  }

  private signModel(detail: DecisionDetail, values: Body) {
    const stage = STAGE_FOR_STATUS[detail.decision.status]
    return {
      ...decisionViewModel(detail),
      staffSections: detail.sections,
      stage,
      stageLabel: stage ? STAGE_LABELS[stage] : null,
      values,
      version: values.version ?? detail.decision.version,
    }
  }

  private signInput(body: Body, decisionMaker: boolean): { input?: SignOffInput; errors: FieldErrors } {
    const outcome = String(body.outcome ?? '')
    const allowed = decisionMaker ? ['approved', 'rejected', 'returned'] : ['approved', 'returned']
    if (!allowed.includes(outcome))
      return {
        errors: {
          outcome: decisionMaker
            ? 'Choose whether to approve, reject or return the decision'
            : 'Choose whether to approve the decision or return it to the author',
        },
      }
    const comment = String(body.comment ?? '').trim() || null
    const declaration = decisionMaker && outcome !== 'returned' ? String(body.declaration ?? '') : ''
    const errors: FieldErrors = {}
    if (outcome === 'returned' && !comment) errors.comment = 'Say what the author needs to change'
    if (outcome === 'rejected' && !comment) errors.comment = 'Give the reasons for rejecting the decision'
    if (decisionMaker && outcome !== 'returned' && !['no_interest', 'interest_declared'].includes(declaration))
      errors.declaration = 'Make the declaration of interests'
    const declaredInterest = String(body.declaredInterest ?? '').trim() || null
    if (declaration === 'interest_declared' && !declaredInterest) errors.declaredInterest = 'State the interest'
    if (Object.keys(errors).length) return { errors }
    return {
      input: {
        outcome: outcome as SignOffInput['outcome'],
        comment,
        declaration: (declaration || null) as SignOffInput['declaration'],
        declaredInterest,
      },
      errors,
    }
  }
}
