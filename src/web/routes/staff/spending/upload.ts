import type { NextFunction, Request, Response } from 'express'
import { formatPence } from '../../../../domain/money.ts'
import type { Services } from '../../../../services/index.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import {
  SPEND_FIELDS,
  SpendFileError,
  type SpendMapping,
  type SpendProblem,
} from '../../../../services/spending/spending.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { errorList, type FieldErrors } from '../../../validation.ts'
import { inMemory, uploadBody } from '../../upload-body.ts'

/** The largest spending file taken in the browser: a year of an office's payments is a few megabytes. */
export const MAX_SPEND_BYTES = 20 * 1024 * 1024
const ROLES = ['officer', 'finance_officer', 'administrator'] as const

/** The upload's multipart body: one CSV file in memory; a file over the limit becomes a message for the form. */
export function spendUploadParser() {
  return uploadBody(
    inMemory({ fileSize: MAX_SPEND_BYTES, files: 1, fields: 5, parts: 6 }).single('file'),
    (error, _req, res) => {
      res.locals.uploadProblem =
        error.code === 'LIMIT_FILE_SIZE' ? 'The file is too large: the limit is 20 MB' : 'Upload one CSV file'
    },
  )
}

/** Problems of a refused file as the error summary's lines, each linking to the field it concerns. */
function problemList(problems: readonly SpendProblem[], hrefOf: (p: SpendProblem) => string) {
  const shown = problems.slice(0, 20).map((p) => ({
    text:
      p.line && p.column
        ? `Line ${p.line}, column ${p.column}: ${p.message}`
        : p.line
          ? `Line ${p.line}: ${p.message}`
          : `${p.column ? `${p.column}: ` : ''}${p.message}`,
    href: hrefOf(p),
  }))
  if (problems.length > 20)
    shown.push({ text: `and ${problems.length - 20} more problems`, href: hrefOf(problems[20]!) })
  return shown
}

/** Upload a spending file, check its columns and first rows on a preview, then confirm the import. */
export class SpendUploadController {
  constructor(private readonly services: Services) {}

  private async offices(res: Response) {
    const scope = scopeOf(res).withRoles(...ROLES)
    return (await this.services.offices.list(scope)).filter((o) => scope.includes(o.id, ...ROLES))
  }

  get = async (_req: Request, res: Response): Promise<void> => {
    await this.form(res, 200, {})
  }

  private async form(res: Response, status: number, errors: FieldErrors, office?: string): Promise<void> {
    const offices = await this.offices(res)
    res.status(status).render('pages/staff/spending/upload', {
      offices: offices.map((o) => ({ value: String(o.id), text: o.name, selected: office === String(o.id) })),
      errors,
      errorList: errorList(errors),
    })
  }

  post = async (req: Request, res: Response): Promise<void> => {
    const offices = await this.offices(res)
    const chosen = typeof req.body?.office === 'string' ? req.body.office : undefined
    const office = offices.length === 1 ? offices[0] : offices.find((o) => String(o.id) === chosen)
    const file = req.file
    const errors: FieldErrors = {}
    if (!office) errors.office = 'Choose the office whose spending this is'
    if (res.locals.uploadProblem) errors.file = res.locals.uploadProblem
    else if (!file || !file.size) errors.file = 'Choose a CSV file of payments to upload'
    if (Object.keys(errors).length || !office || !file) return this.form(res, 400, errors, chosen)
    try {
      const token = await this.services.spending.stashUpload(
        { officeId: office.id, fileName: file.originalname || 'spending.csv', content: file.buffer.toString('utf8') },
        actorOf(res),
      )
      res.redirect(303, `/staff/spending/uploads/${token}`)
    } catch (error) {
      if (error instanceof SpendFileError)
        return this.form(res, 400, { file: `The file cannot be read. ${error.message}` }, chosen)
      if (error instanceof FormError) return this.form(res, 400, error.errors, chosen)
      throw error
    }
  }

  /** The preview: each field with a choice of the file's columns, and the first rows as written. */
  preview = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const upload = await this.services.spending.upload(actorOf(res), String(req.params.token))
    if (!upload) return next()
    this.renderPreview(res, 200, upload, upload.preview.mapping, [])
  }

  confirm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const actor = actorOf(res)
    const upload = await this.services.spending.upload(actor, String(req.params.token))
    if (!upload) return next()
    const mapping: Partial<SpendMapping> = {}
    for (const { key } of SPEND_FIELDS) {
      const value = req.body?.[key]
      if (typeof value === 'string' && /^\d{1,4}$/.test(value) && Number(value) < upload.preview.headers.length)
        mapping[key] = Number(value)
    }
    try {
      const result = await this.services.spending.confirmUpload(actor, upload.token, mapping)
      if (!result) return next()
      res.redirect(
        303,
        `/staff/spending/batches/${result.batchId}${result.status === 'already imported' ? '?already=1' : ''}`,
      )
    } catch (error) {
      if (!(error instanceof SpendFileError)) throw error
      const columnField = new Map<string, string>()
      for (const { key, label } of SPEND_FIELDS) {
        columnField.set(label, key)
        const index = mapping[key]
        if (index !== undefined) columnField.set(upload.preview.headers[index]!, key)
      }
      const list = problemList(error.problems, (p) => `#${columnField.get(p.column) ?? 'date'}`)
      this.renderPreview(res, 400, upload, mapping, list)
    }
  }

  private renderPreview(
    res: Response,
    status: number,
    upload: NonNullable<Awaited<ReturnType<Services['spending']['upload']>>>,
    mapping: Partial<SpendMapping>,
    problems: Array<{ text: string; href: string }>,
  ): void {
    const { headers, sample, rowCount } = upload.preview
    const fieldErrors: Record<string, string> = {}
    for (const p of problems) {
      const field = p.href.slice(1)
      if (!(field in fieldErrors)) fieldErrors[field] = p.text
    }
    res.status(status).render('pages/staff/spending/preview', {
      upload,
      rowCount,
      headers,
      sample,
      fields: SPEND_FIELDS.map((f) => ({
        ...f,
        error: fieldErrors[f.key],
        items: [
          { value: '', text: 'Choose a column', selected: mapping[f.key] === undefined },
          ...headers.map((h, i) => ({
            value: String(i),
            text: h || `Column ${i + 1}`,
            selected: mapping[f.key] === i,
          })),
        ],
      })),
      errorList: problems,
    })
  }

  /** The result of an import: its counts, with the way to the review queue. */
  batch = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const id = Number(req.params.id)
    if (!Number.isSafeInteger(id)) return next()
    const batch = await this.services.spending.batch(scopeOf(res), id)
    if (!batch) return next()
    res.render('pages/staff/spending/batch', { batch, already: req.query.already === '1', formatPence })
  }
}
