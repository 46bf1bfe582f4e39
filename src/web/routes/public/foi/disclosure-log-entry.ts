import type { NextFunction, Request, Response } from 'express'
import { FOI_OUTCOME_LABELS, exemptionNotice } from '../../../../domain/foi.ts'
import { PUBLICATION_TARGET_WORKING_DAYS } from '../../../../domain/foi-clock.ts'
import type { Services } from '../../../../services/index.ts'

/**
 * /disclosure-log/:reference: one published response, question by question. Addressed by office and
 * reference ("nottinghamshire-10653"); a bare reference that names one entry redirects there.
 */
export class DisclosureLogEntryController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const key = String(req.params.reference ?? '')
    const found = await this.services.foi.disclosureLog.entry(key)
    if (!found) {
      const slug = await this.services.foi.disclosureLog.slugForReference(key)
      if (slug && slug !== key) return res.redirect(301, `/disclosure-log/${encodeURIComponent(slug)}`)
      return next()
    }
    const { request, questions } = found
    res.render('pages/public/foi/disclosure-log-entry', {
      r: request,
      outcomeLabel: request.outcome ? FOI_OUTCOME_LABELS[request.outcome] : '',
      publicationTarget: PUBLICATION_TARGET_WORKING_DAYS,
      questions: questions.map((q, i) => ({
        number: i + 1,
        question: q.question,
        paragraphs: (q.answer ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
        notice: q.exemption ? exemptionNotice(q.exemption) : null,
        registerLink: q.registerLink,
      })),
    })
  }
}
