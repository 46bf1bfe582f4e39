import type { Request, Response } from 'express'
import { OfficeScope } from '../../../../domain/office-scope.ts'
import type { Services } from '../../../../services/index.ts'
import { errorList } from '../../../validation.ts'

const ALL = 'all'

/**
 * Someone who works for more than one office chooses the one they work in for this session: every staff page
 * then shows that office's records only, and the header names it. "All my offices" goes back to all of them.
 */
export class OfficePickerController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    res.render('pages/staff/accounts/office', await this.model(res, res.locals.currentOffice?.id ?? ALL, {}))
  }

  post = async (req: Request, res: Response): Promise<void> => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const chosen = typeof body.office === 'string' ? body.office : ''
    const offices = await this.offices(res)
    const office = offices.find((o) => String(o.id) === chosen)
    if (chosen !== ALL && !office) {
      const errors = { office: 'Choose the office you are working in' }
      res.status(400).render('pages/staff/accounts/office', { ...(await this.model(res, chosen, errors)) })
      return
    }
    if (office) {
      req.session.officeId = office.id
      req.session.officeName = office.name
    } else {
      delete req.session.officeId
      delete req.session.officeName
    }
    res.redirect(303, '/staff?office=changed')
  }

  /** The offices the person is a member of (a deployment administrator's every-office role is not a membership). */
  private offices(res: Response) {
    return this.services.officeSettings.offices(OfficeScope.of(res.locals.user!.memberships))
  }

  private async model(res: Response, chosen: string | number, errors: Record<string, string>) {
    const offices = await this.offices(res)
    return {
      items: [
        ...offices.map((o) => ({ value: String(o.id), text: o.name, checked: String(chosen) === String(o.id) })),
        { divider: 'or' },
        {
          value: ALL,
          text: 'All my offices',
          hint: { text: 'Lists show the records of every office you work for' },
          checked: chosen === ALL,
        },
      ],
      errors,
      errorList: errorList(errors),
    }
  }
}
