import type { NextFunction, Request, Response } from 'express'
import multer from 'multer'
import type { Services } from '../../../../services/index.ts'
import { logger } from '../../../../logger.ts'
import { ImportError } from '../../../../services/imports/index.ts'
import { actorOf } from '../../../auth.ts'
import { errorList } from '../../../validation.ts'

declare module 'express-serve-static-core' {
  interface Locals {
    uploadProblem?: string
  }
}

const ACCEPT =
  '.pdf,.docx,.html,.htm,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain,text/markdown'

function sizeLabel(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
}

/** The upload's multipart body, one file held in memory up to the size limit; a refused file becomes a message for the form. */
export function uploadParser(maxBytes: number) {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6 },
    defParamCharset: 'utf8',
  }).single('document')
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (error?: unknown) => {
      if (error instanceof multer.MulterError) {
        res.locals.uploadProblem =
          error.code === 'LIMIT_FILE_SIZE'
            ? `The file is too large: the limit is ${sizeLabel(maxBytes)}`
            : 'Upload one document at a time'
        return next()
      }
      next(error)
    })
  }
}

/** An officer uploads a published document; it is read and stored as an unreviewed record, then shown for review. */
export class UploadController {
  constructor(private readonly services: Services) {}

  get = (_req: Request, res: Response): void => {
    res.render('pages/staff/imports/upload', { accept: ACCEPT, limit: sizeLabel(this.services.imports.maxBytes) })
  }

  post = async (req: Request, res: Response): Promise<void> => {
    const file = req.file
    const problem = res.locals.uploadProblem ?? (!file ? 'Choose a document to upload' : null)
    if (problem || !file) return this.fail(res, problem ?? 'Choose a document to upload')
    try {
      const outcome = await this.services.imports.importDocument(
        file.buffer,
        file.originalname || 'document',
        actorOf(res),
        { mediaType: file.mimetype },
      )
      res.redirect(`/staff/imports/${outcome.decisionId}?${outcome.status === 'imported' ? 'uploaded' : 'unchanged'}=1`)
    } catch (error) {
      if (!(error instanceof ImportError)) throw error
      logger.info('document refused', {
        requestId: res.locals.requestId,
        file: error.file,
        code: error.code,
        reason: error.reason,
        detail: error.detail,
      })
      this.fail(res, `The document cannot be imported: ${error.reason}`)
    }
  }

  private fail(res: Response, message: string): void {
    const errors = { document: message }
    res.status(400).render('pages/staff/imports/upload', {
      accept: ACCEPT,
      limit: sizeLabel(this.services.imports.maxBytes),
      errors,
      errorList: errorList(errors),
    })
  }
}
