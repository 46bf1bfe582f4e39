import type { Request, Response } from 'express'
import multer from 'multer'
import type { Services } from '../../../../services/index.ts'
import { LOGO_MAX_BYTES } from '../../../../services/offices/public-offices.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import { actorOf } from '../../../auth.ts'
import { uploadBody } from '../../upload-body.ts'

/** What the settings page says when a logo is refused, by the code its address carries. */
export const LOGO_PROBLEMS = {
  size: `The logo must be smaller than ${LOGO_MAX_BYTES / 1024} KB`,
  type: 'The logo must be a PNG or JPEG image',
  empty: 'The selected logo is empty',
  missing: 'Select a PNG or JPEG file for the logo',
  parts: 'Choose one image file for the logo',
} as const

function problemCode(message: string): keyof typeof LOGO_PROBLEMS {
  const found = Object.entries(LOGO_PROBLEMS).find(([, text]) => text === message)
  return (found?.[0] as keyof typeof LOGO_PROBLEMS | undefined) ?? 'type'
}

/** The logo form's multipart body: one file held in memory, refused past the size limit with a message for the form. */
export function logoParser() {
  return uploadBody(
    multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: LOGO_MAX_BYTES, files: 1, fields: 4, parts: 5 },
    }).single('logo'),
    (error, req, res) => {
      res.locals.logoProblem = error.code === 'LIMIT_FILE_SIZE' ? 'size' : 'parts'
      // The rest of the body is unread: the token cannot be checked, so nothing is saved and the form says why.
      req.body = { ...(req.body as object) }
    },
  )
}

/** An office administrator uploads (or removes) the logo shown beside the office's name on its public pages. */
export class LogoController {
  constructor(private readonly services: Services) {}

  post = async (req: Request, res: Response): Promise<void> => {
    const officeId = Number(req.body?.office)
    const back = (query: string) => `/staff/settings?office=${Number.isSafeInteger(officeId) ? officeId : ''}&${query}`
    const problem = res.locals.logoProblem as string | undefined
    if (problem) return res.redirect(back(`logoError=${problem}`))
    const remove = req.body?.remove === 'yes'
    if (!remove && !req.file) return res.redirect(back('logoError=missing'))
    try {
      await this.services.publicOffices.setLogo(officeId, remove ? null : req.file!.buffer, actorOf(res))
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      if (error.errors.logo === 'There is no such office') return res.status(404).render('pages/not-found')
      return res.redirect(back(`logoError=${problemCode(error.errors.logo ?? error.message)}`))
    }
    res.redirect(back(remove ? 'logo=removed' : 'logo=saved'))
  }
}
