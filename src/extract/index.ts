/**
 * Import of published decision documents: PDF, Word, HTML and text become a structured record with the
 * source line of each value and findings where the document contradicts itself.
 *
 *   extractFile(path)                    reads a file from disk
 *   extractBuffer(bytes, fileName, type)  reads uploaded bytes
 *   extractFromText(text, fileName)       the pure part, for text already extracted
 *
 * Each returns { text, record, draft }: the text the line numbers refer to, the record as the
 * `extract --json` command prints it (pounds), and the same record with money in integer pence.
 * Files are read in a worker thread within limits (pages, characters, expansion, time, memory: see
 * limits.ts), so that no document can stop the thread that asked for it.
 */
import { readFile, stat } from 'node:fs/promises'
import { detectType } from './detect.ts'
import { ExtractError } from './errors.ts'
import { DEFAULT_MAX_BYTES, tooLargeError, type ExtractionResult, type ExtractOptions } from './read.ts'
import { documentReaders } from './sandbox/readers.ts'

export { ExtractError, type ExtractErrorCode } from './errors.ts'
export type {
  AwardDraft,
  ContributionDraft,
  DocumentKind,
  ExtractedDraft,
  ExtractedRecord,
  Route,
  ServicePeriod,
  Source,
} from './types.ts'
export { toRecord } from './record.ts'
export { findNarrative, type Narrative } from './narrative.ts'
export { detectType, type DocumentType } from './detect.ts'
export { DEFAULT_MAX_BYTES, extractFromText, type ExtractionResult, type ExtractOptions } from './read.ts'
export { DEFAULT_READ_LIMITS, readLimits, type ReadLimits } from './limits.ts'
export { documentReaders } from './sandbox/readers.ts'

/** Reads uploaded or stored bytes in a reader thread. Throws ExtractError (naming the file and the reason) when they cannot be read. */
export async function extractBuffer(
  bytes: Uint8Array,
  fileName: string,
  mediaTypeOrOptions?: string | ExtractOptions,
): Promise<ExtractionResult> {
  const options: ExtractOptions =
    typeof mediaTypeOrOptions === 'string' ? { mediaType: mediaTypeOrOptions } : (mediaTypeOrOptions ?? {})
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (bytes.byteLength > maxBytes) throw tooLargeError(fileName, bytes.byteLength, maxBytes)
  if (bytes.byteLength === 0) throw new ExtractError(fileName, 'empty', 'the file is empty')
  detectType(bytes, fileName, options.mediaType)
  return documentReaders.read(bytes, fileName, options)
}

/** Reads a file from disk; the size limit is checked before the file is read. */
export async function extractFile(path: string, options: ExtractOptions = {}): Promise<ExtractionResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  let size: number
  try {
    const info = await stat(path)
    if (!info.isFile()) throw new ExtractError(path, 'unreadable', 'not a file')
    size = info.size
  } catch (error) {
    if (error instanceof ExtractError) throw error
    throw new ExtractError(
      path,
      'unreadable',
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'no such file'
        : `the file cannot be read (${(error as Error).message})`,
    )
  }
  if (size > maxBytes) throw tooLargeError(path, size, maxBytes)
  const bytes = await readFile(path)
  return extractBuffer(bytes, path, options)
}
