import type { ExtractErrorCode } from '../../extract/index.ts'
import { ExtractError } from '../../extract/index.ts'

export type ImportErrorCode = ExtractErrorCode | 'duplicate_reference' | 'no_office'

/** A document that cannot be imported, with one line naming the file and the reason. Nothing of it is stored. */
export class ImportError extends Error {
  constructor(
    readonly file: string,
    readonly code: ImportErrorCode,
    readonly reason: string,
    /** What a library said, for the logs only: never shown to the person importing. */
    readonly detail?: string,
  ) {
    super(`${file}: ${reason}`)
    this.name = 'ImportError'
  }

  static fromExtract(error: ExtractError): ImportError {
    return new ImportError(error.file, error.code, error.reason, error.detail)
  }
}

/** The record changed after the reviewer opened it: their corrections are refused and kept on the page. */
export class StaleReviewError extends Error {
  constructor(
    readonly currentVersion: number,
    readonly reviewed: boolean,
  ) {
    super(
      reviewed
        ? 'Someone else confirmed this record after you opened it. Your corrections have not been saved: they are shown below for reference.'
        : 'Someone else changed this record after you opened it. Your corrections have not been saved: they are shown below. Check them and confirm again.',
    )
  }
}
