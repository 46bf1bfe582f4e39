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
  | { ok: false; refusal: { file: string; code: ExtractErrorCode; reason: string; detail: string | undefined } }
  | { ok: false; failure: string }
