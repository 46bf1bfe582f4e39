import type { NextFunction, Request, Response } from 'express'
import multer from 'multer'
import type { Services } from '../../../../services/index.ts'
import { logger } from '../../../../logger.ts'
import { ImportError } from '../../../../services/imports/index.ts'
import { documentsInArchive, isArchive } from '../../../../services/imports/archive.ts'
import { actorOf } from '../../../auth.ts'
import { errorList } from '../../../validation.ts'

declare module 'express-serve-static-core' {
  interface Locals {
    uploadProblem?: string
  }
}

const ACCEPT =
  '.pdf,.docx,.html,.htm,.txt,.md,.zip,application/zip,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain,text/markdown'

function sizeLabel(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
}

/** The most documents one upload takes. */
export const MAX_FILES = 20

/** One document's line in the results of an upload of several. */
export interface UploadResult {
  fileName: string
  outcome: 'imported' | 'unchanged' | 'failed'
  reason: string | null
  decisionId: number | null
  title: string | null
}

/** The upload's multipart body, up to MAX_FILES files held in memory up to the size limit each; a refused upload becomes a message for the form. */
export function uploadParser(maxBytes: number) {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxBytes, files: MAX_FILES, fields: 5, parts: MAX_FILES + 5 },
    defParamCharset: 'utf8',
  }).array('document', MAX_FILES)
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (error?: unknown) => {
      if (error instanceof multer.MulterError) {
        res.locals.uploadProblem =
          error.code === 'LIMIT_FILE_SIZE'
            ? `The file is too large: the limit is ${sizeLabel(maxBytes)} a file`
            : `Upload at most ${MAX_FILES} documents at a time`
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
    res.render('pages/staff/imports/upload', {
      accept: ACCEPT,
      limit: sizeLabel(this.services.imports.maxBytes),
      maxFiles: MAX_FILES,
    })
  }

  post = async (req: Request, res: Response): Promise<void> => {
    const files = Array.isArray(req.files) ? req.files : []
    const problem = res.locals.uploadProblem ?? (files.length === 0 ? 'Choose a document to upload' : null)
    if (problem) return this.fail(res, problem)
    if (files.length === 1 && !isArchive(files[0]!.originalname)) {
      const result = await this.importOne(
        res,
        files[0]!.originalname || 'document',
        files[0]!.buffer,
        files[0]!.mimetype,
      )
      if (result.decisionId === null) return this.fail(res, `The document cannot be imported: ${result.reason}`)
      return res.redirect(
        `/staff/imports/${result.decisionId}?${result.outcome === 'imported' ? 'uploaded' : 'unchanged'}=1`,
      )
    }
    const results: UploadResult[] = []
    for (const file of files) {
      for (const result of await this.importFile(res, file))
        results.push({
          ...result,
          reason: result.reason && result.reason.charAt(0).toUpperCase() + result.reason.slice(1),
        })
    }
    res.render('pages/staff/imports/upload-results', {
      results,
      counts: {
        imported: results.filter((r) => r.outcome === 'imported').length,
        unchanged: results.filter((r) => r.outcome === 'unchanged').length,
        failed: results.filter((r) => r.outcome === 'failed').length,
      },
    })
  }

  /** An uploaded document's result, or one result for each document of an uploaded ZIP archive. */
  private async importFile(res: Response, file: Express.Multer.File): Promise<UploadResult[]> {
    const fileName = file.originalname || 'document'
    if (!isArchive(fileName)) return [await this.importOne(res, fileName, file.buffer, file.mimetype)]
    let documents
    try {
      documents = await documentsInArchive(fileName, file.buffer, { maxBytes: this.services.imports.maxBytes })
    } catch (error) {
      if (!(error instanceof ImportError)) throw error
      return [{ fileName, outcome: 'failed', reason: error.reason, decisionId: null, title: null }]
    }
    if (!documents.length)
      return [
        {
          fileName,
          outcome: 'failed',
          reason: 'the archive holds no PDF, Word (.docx), HTML or text documents',
          decisionId: null,
          title: null,
        },
      ]
    const results: UploadResult[] = []
    for (const document of documents) results.push(await this.importOne(res, document.name, document.bytes))
    return results
  }

  /** Reads and stores one document; a document that cannot be imported is a failed result with the reason. */
  private async importOne(res: Response, fileName: string, bytes: Buffer, mediaType?: string): Promise<UploadResult> {
    try {
      const outcome = await this.services.imports.importDocument(bytes, fileName, actorOf(res), { mediaType })
      const review = await this.services.imports.review(outcome.decisionId)
      return {
        fileName,
        outcome: outcome.status,
        reason: null,
        decisionId: outcome.decisionId,
        title: review?.detail.decision.title ?? null,
      }
    } catch (error) {
      if (!(error instanceof ImportError)) throw error
      logger.info('document refused', {
        requestId: res.locals.requestId,
        file: error.file,
        code: error.code,
        reason: error.reason,
        detail: error.detail,
      })
      return { fileName, outcome: 'failed', reason: error.reason, decisionId: null, title: null }
    }
  }

  private fail(res: Response, message: string): void {
    const errors = { document: message }
    res.status(400).render('pages/staff/imports/upload', {
      accept: ACCEPT,
      limit: sizeLabel(this.services.imports.maxBytes),
      maxFiles: MAX_FILES,
      errors,
      errorList: errorList(errors),
    })
  }
}
