import type { NextFunction, Request, Response } from 'express'
import type { Services } from '../../../../services/index.ts'
import { logRefusedDocument } from '../../refused-document-log.ts'
import { ImportError } from '../../../../services/imports/index.ts'
import { documentsInArchive, isArchive } from '../../../../services/imports/archive.ts'
import { actorOf } from '../../../auth.ts'
import { errorList } from '../../../validation.ts'
import { UploadJobs, type UploadItem } from './upload-jobs.ts'
import { inMemory, uploadBody } from '../../upload-body.ts'

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

function countsOf(results: UploadResult[]): Record<UploadResult['outcome'], number> {
  return {
    imported: results.filter((r) => r.outcome === 'imported').length,
    unchanged: results.filter((r) => r.outcome === 'unchanged').length,
    failed: results.filter((r) => r.outcome === 'failed').length,
  }
}

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
  return uploadBody(
    inMemory({ fileSize: maxBytes, files: MAX_FILES, fields: 5, parts: MAX_FILES + 5 }).array('document', MAX_FILES),
    (error, _req, res) => {
      res.locals.uploadProblem =
        error.code === 'LIMIT_FILE_SIZE'
          ? `The file is too large: the limit is ${sizeLabel(maxBytes)} a file`
          : `Upload at most ${MAX_FILES} documents at a time`
    },
  )
}

/** An officer uploads a published document; it is read and stored as an unreviewed record, then shown for review. */
export class UploadController {
  constructor(
    private readonly services: Services,
    private readonly jobs: UploadJobs = new UploadJobs(),
  ) {}

  get = (_req: Request, res: Response): void => {
    res.render('pages/staff/imports/upload', {
      accept: ACCEPT,
      limit: sizeLabel(this.services.imports.maxBytes),
      maxFiles: MAX_FILES,
    })
  }

  post = async (req: Request, res: Response): Promise<void> => {
    const files = Array.isArray(req.files) ? req.files : []
    const followed = req.accepts(['html', 'json']) === 'json'
    const problem = res.locals.uploadProblem ?? (files.length === 0 ? 'Choose a document to upload' : null)
    if (problem) {
      if (followed) return void res.status(400).json({ error: problem })
      return this.fail(res, problem)
    }
    if (files.length === 1 && !isArchive(files[0]!.originalname) && !followed) {
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
    const items: UploadItem[] = []
    for (const file of files) items.push(...(await this.itemsOf(res, file)))
    if (followed) {
      // The page follows the reading document by document (progressive enhancement of the form).
      const job = this.jobs.start(res.locals.user!.id, items)
      return void res.status(202).json({ ...job, statusUrl: `/staff/imports/upload/jobs/${job.id}` })
    }
    const results: UploadResult[] = []
    for (const item of items) results.push(await item.read())
    res.render('pages/staff/imports/upload-results', { results, counts: countsOf(results) })
  }

  /** The state of a bulk upload being read, for the page that follows it. */
  job = (req: Request, res: Response, next: NextFunction): void => {
    const job = this.jobs.get(String(req.params.id), res.locals.user!.id)
    if (!job) return next()
    res.set('Cache-Control', 'no-store').json({ ...job, counts: countsOf(job.results) })
  }

  /** An uploaded document to read, or one for each document of an uploaded ZIP archive (opened now, read later). */
  private async itemsOf(res: Response, file: Express.Multer.File): Promise<UploadItem[]> {
    const fileName = file.originalname || 'document'
    const failed = (reason: string): UploadItem[] => [
      {
        fileName,
        read: async () => ({ fileName, outcome: 'failed', reason: capitalised(reason), decisionId: null, title: null }),
      },
    ]
    const item = (name: string, bytes: Buffer, mediaType?: string): UploadItem => ({
      fileName: name,
      read: async () => {
        const result = await this.importOne(res, name, bytes, mediaType)
        return { ...result, reason: result.reason && capitalised(result.reason) }
      },
    })
    if (!isArchive(fileName)) return [item(fileName, file.buffer, file.mimetype)]
    let documents
    try {
      documents = await documentsInArchive(fileName, file.buffer, { maxBytes: this.services.imports.maxBytes })
    } catch (error) {
      if (!(error instanceof ImportError)) throw error
      return failed(error.reason)
    }
    if (!documents.length) return failed('the archive holds no PDF, Word (.docx), HTML or text documents')
    return documents.map((d) => item(d.name, d.bytes))
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
      logRefusedDocument(res, error)
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
