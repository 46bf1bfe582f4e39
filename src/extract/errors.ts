/** One clear error per unreadable file: which file, and why. */

export type ExtractErrorCode =
  'empty' | 'binary' | 'corrupt' | 'encrypted' | 'unsupported' | 'too_large' | 'over_limit' | 'no_text' | 'unreadable'

export class ExtractError extends Error {
  readonly file: string
  readonly reason: string
  readonly code: ExtractErrorCode
  /** What a library said, for the logs only: the reason is what a person is shown. */
  readonly detail: string | undefined

  constructor(file: string, code: ExtractErrorCode, reason: string, detail?: string) {
    super(`${file}: ${reason}`)
    this.name = 'ExtractError'
    this.file = file
    this.code = code
    this.reason = reason
    this.detail = detail
  }
}

/** A reader's refusal, before the file name is known to it; becomes an ExtractError. */
export class ReadRefusal extends Error {
  constructor(
    readonly code: ExtractErrorCode,
    readonly reason: string,
    readonly detail?: string,
  ) {
    super(reason)
    this.name = 'ReadRefusal'
  }
}
