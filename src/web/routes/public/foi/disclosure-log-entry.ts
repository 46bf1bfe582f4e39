import type { NextFunction, Request, Response } from 'express'
import { FOI_OUTCOME_LABELS, exemptionNotice } from '../../../../domain/foi.ts'
import { PUBLICATION_TARGET_WORKING_DAYS } from '../../../../domain/foi-clock.ts'
import { describeFile } from '../../../../domain/file-description.ts'
import type { Services } from '../../../../services/index.ts'

const REGISTER_SECTIONS: Array<[string, string]> = [
  ['/decisions/', 'the decision in the register'],
  ['/providers/', 'the provider’s page in the register'],
  ['/services/', 'the service’s page in the register'],
  ['/areas/', 'the area’s page in the register'],
  ['/ledger', 'the funding ledger'],
  ['/funding-streams', 'the funding streams'],
  ['/disclosure-log/', 'an earlier answer in the disclosure log'],
]

/** Words for a link to a register page, so link text never shows a raw path. */
export function registerLinkText(path: string): string {
  return REGISTER_SECTIONS.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'the page in the register'
}

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
    const document = request.decisionSlug ? await this.services.register.publicDocumentInfo(request.decisionSlug) : undefined
    res.render('pages/public/foi/disclosure-log-entry', {
      r: request,
      responseDocument: document && { description: describeFile(document.mediaType, document.sizeBytes) },
      outcomeLabel: request.outcome ? FOI_OUTCOME_LABELS[request.outcome] : '',
      publicationTarget: PUBLICATION_TARGET_WORKING_DAYS,
      questions: questions.map((q, i) => ({
        number: i + 1,
        question: q.question,
        paragraphs: (q.answer ?? '').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean),
        notice: q.exemption ? exemptionNotice(q.exemption) : null,
        registerLink: q.registerLink,
        registerLinkText: q.registerLink ? registerLinkText(q.registerLink) : null,
      })),
    })
  }
}
