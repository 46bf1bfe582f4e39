import type { NextFunction, Request, Response } from 'express'
import type { AppendixSummary } from '../../../../db/repositories/decisions/draft-parts.ts'
import type { DecisionDetail } from '../../../../db/repositories/decisions/decisions.ts'
import { APPENDIX_ACCEPT, appendixMediaType } from '../../../../domain/appendix-file.ts'
import { describeFile, formatFileSize } from '../../../../domain/file-description.ts'
import { ConcurrentEditError, WorkflowError } from '../../../../services/decisions/workflow.ts'
import type { Actor } from '../../../../services/audit/audit.ts'
import { actorOf } from '../../../auth.ts'
import type { FieldErrors } from '../../../validation.ts'
import { EXEMPTIONS } from './classification-form.ts'
import type { Body } from './forms.ts'
import { ListTaskPage, removedName } from './list-task-page.ts'
import { field } from './part-fields.ts'
import { sendUploadedFile } from '../../uploaded-file.ts'
import { inMemory, uploadBody } from '../../upload-body.ts'

declare module 'express-serve-static-core' {
  interface Locals {
    appendixProblem?: string
  }
}

const exemptionText = (value: string | null) => EXEMPTIONS.find((e) => e.value === value)?.text ?? value ?? ''

/**
 * The appendix upload's multipart body, one file in memory up to the size limit. Mounted before the staff area's
 * CSRF check, which reads the token from the parsed body; a file over the limit becomes a message for the form.
 */
export function appendixUploadParser(maxBytes: number) {
  return uploadBody(
    inMemory({ fileSize: maxBytes, files: 1, fields: 10, parts: 11 }).single('file'),
    (error, _req, res) => {
      res.locals.appendixProblem =
        error.code === 'LIMIT_FILE_SIZE'
          ? `The selected file must be smaller than ${formatFileSize(maxBytes)}`
          : 'Upload one file at a time'
    },
  )
}

/** A draft's appendices: the list (public or withheld, each removable), an upload page, and removal after a check. */
export class AppendicesController extends ListTaskPage<AppendixSummary> {
  protected readonly task = 'appendices'
  protected readonly everyWhat = 'appendix'

  form = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    res.render('pages/staff/decisions/appendix', this.formModel(detail, { visibility: '' }, detail.decision.version))
  }

  upload = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.loadDraft(req, res, next)
    if (!detail) return
    const body = (req.body ?? {}) as Body
    const version = Number(body.version)
    const title = field(body, 'title')
    const visibility = field(body, 'visibility')
    const exemption = field(body, 'exemption')
    const file = req.file
    const errors: FieldErrors = {}
    let mediaType = ''
    if (res.locals.appendixProblem) errors.file = res.locals.appendixProblem
    else if (!file) errors.file = 'Select a PDF or Word document'
    else {
      const kind = appendixMediaType(file.originalname, file.buffer)
      if ('problem' in kind) errors.file = kind.problem
      else mediaType = kind.mediaType
    }
    if (!title) errors.title = 'Enter a title for the appendix'
    else if (title.length > 300) errors.title = 'The title must be 300 characters or fewer'
    if (visibility !== 'public' && visibility !== 'withheld')
      errors.visibility = 'Choose whether the appendix is published or withheld'
    if (visibility === 'withheld' && !EXEMPTIONS.some((e) => e.value === exemption))
      errors.exemption = 'Choose the exemption the appendix is withheld under'
    const fail = (e: FieldErrors) =>
      this.renderErrors(
        res,
        'pages/staff/decisions/appendix',
        this.formModel(detail, { title, visibility, exemption }, version),
        e,
      )
    if (Object.keys(errors).length) return fail(errors)
    try {
      await this.services.workflow.addAppendix(
        detail.decision.id,
        version,
        {
          title,
          fileName: file!.originalname.slice(0, 255),
          mediaType,
          content: file!.buffer,
          exemption: visibility === 'withheld' ? exemption : null,
        },
        actorOf(res),
      )
    } catch (error) {
      if (error instanceof ConcurrentEditError) return fail({ file: error.message })
      if (error instanceof WorkflowError) return fail({ file: error.message })
      throw error
    }
    res.redirect(303, `${this.summaryPath(detail)}?added=1`)
  }

  /** The file as uploaded, for the officer to check. */
  file = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const detail = await this.load(req)
    if (!detail) return next()
    const appendix = await this.item(detail, req)
    if (!appendix) return next()
    const file = await this.services.workflow.appendixFile(detail.decision.id, appendix.id)
    if (!file) return next()
    sendUploadedFile(res, file)
  }

  protected removeItem(
    detail: DecisionDetail,
    version: number,
    appendix: AppendixSummary,
    actor: Actor,
  ): Promise<void> {
    return this.services.workflow.removeAppendix(detail.decision.id, version, appendix.id, actor)
  }

  protected removedParameter(appendix: AppendixSummary): string {
    return encodeURIComponent(appendix.title)
  }

  protected async item(detail: DecisionDetail, req: Request): Promise<AppendixSummary | undefined> {
    const appendices = await this.services.workflow.appendices(detail.decision.id)
    return appendices.find((a) => String(a.id) === req.params.appendixId)
  }

  protected removal(appendix: AppendixSummary) {
    return {
      heading: `Are you sure you want to remove the appendix “${appendix.title}”?`,
      what: [
        { key: 'File', value: `${appendix.fileName} (${describeFile(appendix.mediaType, appendix.sizeBytes)})` },
        { key: 'Published', value: appendix.withheld ? `No, withheld: ${exemptionText(appendix.exemption)}` : 'Yes' },
      ],
      button: 'Yes, remove this appendix',
    }
  }

  private formModel(detail: DecisionDetail, values: Record<string, string>, version: number) {
    return {
      d: detail.decision,
      version,
      values,
      accept: APPENDIX_ACCEPT,
      limit: formatFileSize(this.services.imports.maxBytes),
      exemptions: EXEMPTIONS.map((e) => ({ ...e, selected: e.value === values.exemption })),
    }
  }

  protected async summaryModel(detail: DecisionDetail, req: Request, values: Body) {
    const removed = removedName(req)
    const flash = removed ? `Appendix “${removed}” removed` : req.query.added === '1' ? 'Appendix added' : null
    const [appendices, head] = await Promise.all([
      this.services.workflow.appendices(detail.decision.id),
      this.summaryHead(detail, values, flash),
    ])
    return {
      ...head,
      appendices: appendices.map((a) => ({
        ...a,
        description: describeFile(a.mediaType, a.sizeBytes),
        visibility: a.withheld ? `Withheld: ${exemptionText(a.exemption)}` : 'Published with the decision',
      })),
    }
  }
}
