import type { NextFunction, Request, Response } from 'express'
import { unwrapIsolate } from '../domain/bidi.ts'

function unwrapAll(value: unknown): unknown {
  if (typeof value === 'string') return unwrapIsolate(value)
  if (Array.isArray(value)) return value.map(unwrapAll)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, unwrapAll(inner)]))
  return value
}

/** Pages print text with direction controls inside an isolate (see nunjucks.ts); a form sends it back without one. */
export function unwrapIsolatedFormValues(req: Request, _res: Response, next: NextFunction): void {
  if (req.body && typeof req.body === 'object') req.body = unwrapAll(req.body)
  next()
}
