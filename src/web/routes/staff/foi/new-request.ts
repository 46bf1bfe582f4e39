import type { Request, Response } from 'express'
import { FOI_CHANNELS, FOI_CHANNEL_LABELS } from '../../../../domain/foi.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import type { Services } from '../../../../services/index.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { dateParts, errorLinks, field, parseForm, partsOf } from './form.ts'
import { newRequestSchema } from './schemas.ts'

interface NewRequestValues {
  reference: string
  receivedOn: { day: string; month: string; year: string }
  channel: string
  requesterName: string
  requesterContact: string
  summary: string
  questions: string
}

/** /staff/foi/new: log a request as it arrived, split into its questions. */
export class NewFoiRequestController {
  constructor(private readonly services: Services) {}

  get = (_req: Request, res: Response): void => {
    this.render(
      res,
      200,
      {
        reference: '',
        receivedOn: partsOf(null),
        channel: 'email',
        requesterName: '',
        requesterContact: '',
        summary: '',
        questions: '',
      },
      {},
    )
  }

  post = async (req: Request, res: Response): Promise<void> => {
    const values: NewRequestValues = {
      reference: field(req, 'reference'),
      receivedOn: dateParts(req.body, 'receivedOn'),
      channel: field(req, 'channel'),
      requesterName: field(req, 'requesterName'),
      requesterContact: field(req, 'requesterContact'),
      summary: field(req, 'summary'),
      questions: field(req, 'questions'),
    }
    try {
      const input = parseForm(newRequestSchema, values)
      const officeId = await this.services.foi.requests.officeFor(scopeOf(res))
      const { id, reference } = await this.services.foi.requests.log(input, officeId, actorOf(res))
      req.session.flash = `Request ${reference} logged`
      res.redirect(`/staff/foi/${id}`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      this.render(res, 400, values, error.errors)
    }
  }

  private render(res: Response, status: number, values: NewRequestValues, errors: Record<string, string>): void {
    res.status(status).render('pages/staff/foi/new', {
      values,
      channelItems: FOI_CHANNELS.map((c) => ({ value: c, text: FOI_CHANNEL_LABELS[c], checked: values.channel === c })),
      errors,
      errorList: errorLinks(errors, ['receivedOn']),
    })
  }
}
