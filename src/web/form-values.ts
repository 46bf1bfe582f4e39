import type { NextFunction, Request, Response } from 'express'
import { unwrapIsolate } from '../domain/bidi.ts'
import { forbiddenCharacter, InvalidRequestInput } from './request-validation.ts'

function unwrapAll(value: unknown): unknown {
  if (typeof value === 'string') return unwrapIsolate(value)
  if (Array.isArray(value)) return value.map(unwrapAll)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, unwrapAll(inner)]))
  return value
}

/** The first form field, by name, whose text holds a character no record may store (NUL, U+FFFE, a lone surrogate…). */
function findForbidden(value: unknown, name: string): InvalidRequestInput | undefined {
  if (typeof value === 'string') {
    const character = forbiddenCharacter(value)
    return character
      ? new InvalidRequestInput(name, `The field “${name}” holds a character that is not allowed (${character}).`)
      : undefined
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findForbidden(inner, Array.isArray(value) ? name : key)
      if (found) return found
    }
  }
  return undefined
}

/**
 * Pages print text with direction controls inside an isolate (see nunjucks.ts); a form sends it back without
 * one. A field holding a character the databases or the PDF and XML writers refuse is answered 400, naming it.
 */
export function unwrapIsolatedFormValues(req: Request, _res: Response, next: NextFunction): void {
  if (!req.body || typeof req.body !== 'object') return next()
  const forbidden = findForbidden(req.body, 'form')
  if (forbidden) return next(forbidden)
  req.body = unwrapAll(req.body)
  next()
}
