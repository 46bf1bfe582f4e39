/** Messages between the web (or command-line) thread and a document reader thread. */
import type { ExtractErrorCode } from '../errors.ts'
import type { ExtractionResult, ExtractOptions } from '../read.ts'

export interface ReadRequest {
  bytes: Uint8Array
  fileName: string
  options: ExtractOptions
}

export type ReadReply =
  | { ok: true; result: ExtractionResult }
  /** Not an answer: the reader has started OCR on another scanned page, which gets a deadline of its own. */
  | { progress: 'ocr_page' }
  | { ok: false; refusal: { file: string; code: ExtractErrorCode; reason: string; detail: string | undefined } }
  | { ok: false; failure: string }
