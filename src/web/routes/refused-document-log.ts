import type { Response } from 'express'
import { logger } from '../../logger.ts'

/** Logs a document the import refused, with the request that brought it: the same entry from the staff pages and the API. */
export function logRefusedDocument(
  res: Response,
  error: { file: string; code: string; reason: string; detail?: string },
): void {
  logger.info('document refused', {
    requestId: res.locals.requestId,
    file: error.file,
    code: error.code,
    reason: error.reason,
    detail: error.detail,
  })
}
