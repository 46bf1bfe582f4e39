/** One clear error per unreadable file: which file, and why. */

export type ExtractErrorCode = 'empty' | 'binary' | 'corrupt' | 'encrypted' | 'unsupported' | 'too_large' | 'no_text' | 'unreadable'

export class ExtractError extends Error {
  readonly file: string
  readonly reason: string
  readonly code: ExtractErrorCode

  constructor(file: string, code: ExtractErrorCode, reason: string) {
    super(`${file}: ${reason}`)
    this.name = 'ExtractError'
    this.file = file
    this.code = code
    this.reason = reason
  }
}
