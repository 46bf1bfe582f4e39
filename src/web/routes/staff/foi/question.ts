import type { NextFunction, Request, Response } from 'express'
import { FOI_EXEMPTIONS } from '../../../../domain/foi.ts'
import { searchWords } from '../../../../domain/foi-questions.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import type { FoiRequestDetail } from '../../../../services/foi/requests.ts'
import type { Services } from '../../../../services/index.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { errorLinks, field, idParam, parseForm } from './form.ts'
import { answerSchema } from './schemas.ts'

interface AnswerValues {
  question: string
  answer: string
  exemption: string
  registerLink: string
}

/**
 * /staff/foi/:id/questions/:questionId: answer one question, with the "find in the register" panel
 * beside the form. Choosing a result fills the answer with its sentence and the link with its page.
 */
export class FoiQuestionController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const found = await this.load(req)
    if (!found) return next()
    const { detail, index } = found
    const q = detail.questions[index]!
    const fact = query(req, 'fact').slice(0, 2000)
    const values: AnswerValues = {
      question: q.question,
      answer: fact ? [q.answer?.trim(), fact].filter(Boolean).join('\n\n') : (q.answer ?? ''),
      exemption: q.exemption ?? '',
      registerLink: query(req, 'link').slice(0, 500) || (q.register_link ?? ''),
    }
    await this.render(req, res, 200, detail, index, values, {})
  }

  post = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const found = await this.load(req)
    if (!found) return next()
    const { detail, index } = found
    const values: AnswerValues = {
      question: field(req, 'question'),
      answer: field(req, 'answer'),
      exemption: field(req, 'exemption'),
      registerLink: field(req, 'registerLink'),
    }
    const use = field(req, 'use')
    if (use) {
      // A fact from the register added to what was typed, not saved: the officer reads it over first.
      const [link = '', ...fact] = use.split('\n')
      const sentence = fact.join('\n').trim().slice(0, 2000)
      values.answer = [values.answer.trim(), sentence].filter(Boolean).join('\n\n')
      if (!values.registerLink.trim() && link.trim()) values.registerLink = link.trim().slice(0, 500)
      return this.render(req, res, 200, detail, index, values, {})
    }
    try {
      const input = parseForm(answerSchema, values)
      await this.services.foi.requests.saveAnswer(detail.request.id, detail.questions[index]!.id, input, actorOf(res))
      req.session.flash = `Answer to question ${index + 1} saved`
      res.redirect(`/staff/foi/${detail.request.id}#questions`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      await this.render(req, res, 400, detail, index, values, error.errors)
    }
  }

  private async load(req: Request): Promise<{ detail: FoiRequestDetail; index: number } | undefined> {
    const id = idParam(req.params.id)
    const questionId = idParam(req.params.questionId)
    if (!id || !questionId) return undefined
    const detail = await this.services.foi.requests.detail(id, scopeOf(req.res!))
    const index = detail?.questions.findIndex((q) => q.id === questionId) ?? -1
    return detail && index >= 0 ? { detail, index } : undefined
  }

  private async render(
    req: Request,
    res: Response,
    status: number,
    detail: FoiRequestDetail,
    index: number,
    values: AnswerValues,
    errors: Record<string, string>,
  ): Promise<void> {
    const question = detail.questions[index]!
    const searchText = (query(req, 'q') || defaultSearch(question.question, detail.request.summary)).slice(0, 200)
    const findings = await this.services.foi.search.find(searchText, detail.request.id, scopeOf(res))
    res.status(status).render('pages/staff/foi/question', {
      r: detail.request,
      questionId: question.id,
      number: index + 1,
      count: detail.questions.length,
      values,
      readOnly: Boolean(detail.request.published_on),
      exemptionItems: [
        { value: '', text: 'None: the information is given' },
        ...FOI_EXEMPTIONS.map((e) => ({ value: e.code, text: e.label })),
      ].map((item) => ({ ...item, selected: item.value === values.exemption })),
      searchText,
      findings: {
        words: findings.words,
        decisions: findings.decisions,
        awards: findings.awards,
        services: findings.services,
        responses: findings.responses,
      },
      errors,
      errorList: errorLinks(errors),
    })
  }
}

/** The question's own words; a short question ("What is the value of the contract?") borrows the request's subject. */
function defaultSearch(question: string, summary: string | null): string {
  const words = searchWords(question)
  const lower = new Set(words.map((w) => w.toLowerCase()))
  if (words.length < 3 && summary) for (const w of searchWords(summary)) if (!lower.has(w.toLowerCase())) words.push(w)
  return words.join(' ')
}

function query(req: Request, name: string): string {
  const value = req.query[name]
  return typeof value === 'string' ? value.trim() : ''
}
