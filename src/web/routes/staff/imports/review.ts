import { stripBidiControls } from '../../../../domain/bidi.ts'
import type { NextFunction, Request, Response } from 'express'
import type { Services } from '../../../../services/index.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import {
  StaleReviewError,
  acknowledgementValuesFrom,
  parseAcknowledgements,
  parseReview,
  type AcknowledgementValues,
  reviewValuesFrom,
  type ImportReview,
  type ReviewValues,
} from '../../../../services/imports/index.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { errorList, type FieldErrors } from '../../../validation.ts'
import {
  BLANK_AWARD,
  BLANK_CONTRIBUTION,
  documentLabel,
  findingsByField,
  headerSources,
  kindItems,
  learnedNotes,
  openErrors,
  otherFacts,
  routeItems,
  sourceLines,
  storedValues,
} from './review-view.ts'

/** The review page: the extracted record beside its source; corrections are confirmed in one step. */
export class ReviewController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const review = await this.load(req)
    if (!review) return next()
    const values = storedValues(review)
    values.awards.push({ ...BLANK_AWARD })
    values.contributions.push({ ...BLANK_CONTRIBUTION })
    const notice = req.query.uploaded === '1' ? 'uploaded' : req.query.unchanged === '1' ? 'unchanged' : null
    res.render(
      'pages/staff/imports/review',
      this.model(review, values, review.detail.decision.version, { notice, acks: {} }),
    )
  }

  post = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const review = await this.load(req)
    if (!review) return next()
    const body = (req.body ?? {}) as Record<string, unknown>
    const values = reviewValuesFrom(body)
    const version = Number(body.version)
    const errorsToAcknowledge = openErrors(review.detail.findings)
    const acks = acknowledgementValuesFrom(
      body,
      errorsToAcknowledge.map((f) => f.id),
    )
    if (body.action === 'add-award' || body.action === 'add-contribution') {
      if (body.action === 'add-award') values.awards.push({ ...BLANK_AWARD })
      else values.contributions.push({ ...BLANK_CONTRIBUTION })
      return res.render('pages/staff/imports/review', this.model(review, values, version, { acks }))
    }
    const { input, errors } = parseReview(values)
    const acknowledged = parseAcknowledgements(acks, errorsToAcknowledge)
    // Without valid values the missing acknowledgements are named as well; with them, the service checks
    // them after the record's version, so a stale save is told so first.
    if (!input) return this.fail(res, review, values, version, { ...errors, ...acknowledged.errors }, acks)
    try {
      const { slug } = await this.services.imports.confirm(
        review.detail.decision.id,
        version,
        input,
        actorOf(res),
        Object.entries(acks)
          .filter(([, a]) => a.checked)
          .map(([id, a]) => ({ findingId: Number(id), reason: a.reason })),
      )
      res.redirect(`/staff/imports?confirmed=${encodeURIComponent(slug)}`)
    } catch (error) {
      if (error instanceof FormError) return this.fail(res, review, values, version, error.errors, acks)
      if (error instanceof StaleReviewError)
        return this.fail(
          res,
          review,
          values,
          error.reviewed ? null : error.currentVersion,
          { record: error.message },
          acks,
        )
      throw error
    }
  }

  /** The original document as it was uploaded, for the reviewer to open. */
  document = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const review = await this.load(req)
    if (!review) return next()
    const stored = await this.services.imports.originalDocument(review.document.id)
    if (!stored) return next()
    res.attachment(stripBidiControls(stored.fileName))
    res.type(stored.mediaType)
    res.send(stored.content)
  }

  private async load(req: Request): Promise<ImportReview | undefined> {
    const id = Number(req.params.id)
    if (!Number.isSafeInteger(id) || id <= 0) return undefined
    return this.services.imports.review(id, scopeOf(req.res!))
  }

  private fail(
    res: Response,
    review: ImportReview,
    values: ReviewValues,
    version: number | null,
    errors: FieldErrors,
    acks: AcknowledgementValues,
  ): void {
    res.status(400).render('pages/staff/imports/review', {
      ...this.model(review, values, version, { acks }),
      errors,
      errorList: errorList(errors),
    })
  }

  private model(review: ImportReview, values: ReviewValues, version: number | null, extra: Record<string, unknown>) {
    const { detail, document, extraction } = review
    const d = detail.decision
    return {
      d,
      version,
      confirmed: d.review_status === 'reviewed',
      publicPath: d.review_status === 'reviewed' && d.slug ? `/decisions/${d.slug}` : null,
      document: { ...document, label: documentLabel(document.fileName, document.mediaType, document.sizeBytes) },
      values,
      kinds: kindItems(values.kind),
      offices: review.offices.map((o) => ({
        value: String(o.id),
        text: o.name,
        selected: String(o.id) === values.officeId,
      })),
      routes: routeItems,
      sources: headerSources(extraction),
      learned: learnedNotes(extraction),
      readByOcr: Boolean(extraction?.ocr),
      findings: findingsByField(detail.findings),
      findingCount: detail.findings.length,
      errorsToAcknowledge: openErrors(detail.findings),
      facts: otherFacts(extraction),
      lines: sourceLines(document.text, extraction, detail.findings, values),
      ...extra,
    }
  }
}
