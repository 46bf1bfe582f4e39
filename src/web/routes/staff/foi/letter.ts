import type { NextFunction, Request, Response } from 'express'
import { loadConfig } from '../../../../config.ts'
import { todayInLondon } from '../../../../domain/uk-date.ts'
import type { Services } from '../../../../services/index.ts'
import { buildFoiLetter, ICO_CONTACT, type FoiLetter } from '../../../../services/foi/letter.ts'
import { renderFoiLetterPdf } from '../../../../services/foi/letter-pdf.ts'
import { scopeOf } from '../../../auth.ts'
import { idParam } from './form.ts'

/** /staff/foi/:id/letter and …/letter.pdf: the response letter generated from the request's answers. */
export class FoiLetterController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const found = await this.letter(req, res)
    if (!found) return next()
    res.render('pages/staff/foi/letter', { letter: found.letter, id: found.id, ico: ICO_CONTACT })
  }

  pdf = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const found = await this.letter(req, res)
    if (!found) return next()
    const pdf = await renderFoiLetterPdf(found.letter)
    const name = `foi-response-${found.letter.reference.replace(/[^\w.-]+/g, '-')}.pdf`
    res.type('application/pdf').set('Content-Disposition', `inline; filename="${name}"`).send(pdf)
  }

  private async letter(req: Request, res: Response): Promise<{ id: number; letter: FoiLetter } | undefined> {
    const id = idParam(req.params.id)
    const detail = id && (await this.services.foi.requests.detail(id, scopeOf(res)))
    if (!id || !detail) return undefined
    const office = await this.services.officeSettings.get(detail.request.office_id, scopeOf(res))
    return { id, letter: buildFoiLetter(detail, office, todayInLondon(), loadConfig().publicBaseUrl) }
  }
}
