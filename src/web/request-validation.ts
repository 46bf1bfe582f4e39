import type { NextFunction, Request, Response } from 'express'

/** A request whose address holds something no page can answer: answered 400, in the format of the address. */
export class InvalidRequestInput extends Error {
  readonly status = 400
  /** @param parameter the query parameter at fault, or "path" for the address itself */
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message)
    this.name = 'InvalidRequestInput'
  }
}

/**
 * What text in an address may hold: every character except the C0 and C1 controls, the noncharacters
 * U+FDD0–U+FDEF, U+FFFE and U+FFFF, and surrogates without their pair (with the u flag a surrogate in a
 * class matches only when it is alone).
 * The databases refuse some of what is left out (NUL), and XML and PDF writers others. Query values may
 * also hold tabs and line breaks.
 */
const FORBIDDEN_IN_QUERY = /[^\t\n\r\u0020-\u007E\u00A0-\uD7FF\uE000-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{10FFFF}]/u
const FORBIDDEN_IN_PATH = /[^\u0020-\u007E\u00A0-\uD7FF\uE000-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{10FFFF}]/u

/** The first character of `text` that the register refuses, as "U+0000", or undefined when there is none. */
export function forbiddenCharacter(text: string, inPath = false): string | undefined {
  const match = (inPath ? FORBIDDEN_IN_PATH : FORBIDDEN_IN_QUERY).exec(text)
  if (!match) return undefined
  return `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
}

function decode(text: string, plusIsSpace: boolean): string | undefined {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, ' ') : text)
  } catch {
    return undefined
  }
}

/** What is wrong with the request's path and query string, or undefined when both are sound. */
export function findInvalidInput(url: string): InvalidRequestInput | undefined {
  const queryStart = url.indexOf('?')
  const path = queryStart === -1 ? url : url.slice(0, queryStart)
  const query = queryStart === -1 ? '' : url.slice(queryStart + 1)
  for (const segment of path.split('/')) {
    const decoded = decode(segment, false)
    if (decoded === undefined)
      return new InvalidRequestInput('path', 'The address is not valid: part of it is not percent-encoded UTF-8.')
    const character = forbiddenCharacter(decoded, true)
    if (character)
      return new InvalidRequestInput('path', `The address holds a character that is not allowed (${character}).`)
  }
  for (const pair of query.split('&')) {
    if (pair === '') continue
    const separator = pair.indexOf('=')
    const rawName = separator === -1 ? pair : pair.slice(0, separator)
    const name = decode(rawName, true)
    if (name === undefined)
      return new InvalidRequestInput(
        rawName.slice(0, 40),
        `The query parameter “${rawName.slice(0, 40)}” is not valid: its name is not percent-encoded UTF-8.`,
      )
    const nameCharacter = forbiddenCharacter(name)
    if (nameCharacter)
      return new InvalidRequestInput(
        'query',
        `A query parameter has a name with a character that is not allowed (${nameCharacter}).`,
      )
    const shortName = name.slice(0, 40)
    const value = decode(separator === -1 ? '' : pair.slice(separator + 1), true)
    if (value === undefined)
      return new InvalidRequestInput(
        shortName,
        `The query parameter “${shortName}” is not valid: its value is not percent-encoded UTF-8.`,
      )
    const character = forbiddenCharacter(value)
    if (character)
      return new InvalidRequestInput(
        shortName,
        `The query parameter “${shortName}” holds a character that is not allowed (${character}).`,
      )
  }
  return undefined
}

/** Refuses, before any route or cache sees it, a request whose address holds invalid characters or encoding. */
export function rejectInvalidInput(req: Request, _res: Response, next: NextFunction): void {
  next(findInvalidInput(req.originalUrl))
}
