import type { NextFunction, Request, RequestHandler, Response } from 'express'
import multer from 'multer'

/** Multer keeping an upload's files in memory, within the limits given, reading their names as UTF-8. */
export function inMemory(limits: multer.Options['limits']): multer.Multer {
  return multer({ storage: multer.memoryStorage(), limits, defParamCharset: 'utf8' })
}

/**
 * Wraps a multer parser for an upload form. When multer refuses the body (a file over the size limit, too many
 * files or fields), `refused` notes the problem for the form and the request goes on to the page, which shows it;
 * any other error goes to the error handler.
 */
export function uploadBody(
  parse: RequestHandler,
  refused: (error: multer.MulterError, req: Request, res: Response) => void,
): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    parse(req, res, (error?: unknown) => {
      if (error instanceof multer.MulterError) {
        refused(error, req, res)
        return next()
      }
      next(error)
    })
  }
}
