/**
 * Bytes to an extracted record, on the current thread, within the read limits. The sandbox runs this in a
 * worker thread; nothing on the web thread should call it directly.
 */
import { detectType, type DocumentType } from './detect.ts'
import { finding } from '../domain/finding-codes.ts'
import { ExtractError, ReadRefusal } from './errors.ts'
import { extractDraft, normaliseText } from './extract-text.ts'
import { formatBytes, overLimit, readLimits, type ReadLimits } from './limits.ts'
import { docxToText } from './readers/docx.ts'
import { htmlToText } from './readers/html.ts'
import { pdfToText } from './readers/pdf.ts'
import { decodeText } from './readers/text.ts'
import { toRecord } from './record.ts'
import type { ExtractedDraft, ExtractedRecord } from './types.ts'

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024

export interface ExtractOptions {
  /** Files larger than this are refused (default 25 MB). */
  maxBytes?: number
  /** A MIME type, when the caller knows it (an upload). */
  mediaType?: string
  /** Pages, characters, expansion, time and memory (defaults in DEFAULT_READ_LIMITS). */
  limits?: Partial<ReadLimits>
}

export interface ExtractionResult {
  text: string
  record: ExtractedRecord
  draft: ExtractedDraft
}

interface DocumentText {
  text: string
  ocr?: { pages: number; confidence: number }
}

export function tooLargeError(fileName: string, size: number, maxBytes: number): ExtractError {
  return new ExtractError(
    fileName,
    'too_large',
    `the file is too large (${formatBytes(size)}; the limit is ${formatBytes(maxBytes)})`,
  )
}

async function readText(
  bytes: Uint8Array,
  fileName: string,
  type: DocumentType,
  limits: ReadLimits,
  onOcrPage?: () => void,
): Promise<DocumentText> {
  if (type === 'pdf') return pdfToText(bytes, limits, onOcrPage)
  if (type === 'docx') return { text: await docxToText(bytes, limits) }
  const decoded = decodeText(bytes)
  if (!decoded.ok)
    throw new ExtractError(
      fileName,
      /binary/.test(decoded.reason) ? 'binary' : 'empty',
      decoded.reason === 'it has no text'
        ? 'the file has no text'
        : `the file is not a text document: ${decoded.reason}`,
    )
  if (decoded.text.length > limits.maxTextCharacters && type === 'text')
    throw new ReadRefusal('over_limit', overLimit.text(decoded.text.length, limits.maxTextCharacters))
  return { text: type === 'html' ? htmlToText(decoded.text) : decoded.text }
}

/**
 * Reads bytes on this thread. Throws ExtractError (naming the file and the reason) when they cannot be read.
 * `onOcrPage` is told as each scanned page starts, so that a caller keeping a deadline can give each page its own.
 */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ExtractOptions = {},
  onOcrPage?: () => void,
): Promise<ExtractionResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const limits = readLimits(options.limits)
  if (bytes.byteLength > maxBytes) throw tooLargeError(fileName, bytes.byteLength, maxBytes)
  if (bytes.byteLength === 0) throw new ExtractError(fileName, 'empty', 'the file is empty')
  const type = detectType(bytes, fileName, options.mediaType)
  let raw: DocumentText
  try {
    raw = await readText(bytes, fileName, type, limits, onOcrPage)
  } catch (error) {
    if (error instanceof ReadRefusal) throw new ExtractError(fileName, error.code, error.reason, error.detail)
    throw error
  }
  const text = normaliseText(raw.text)
  if (!text.trim()) throw new ExtractError(fileName, 'no_text', 'the document has no text')
  if (text.length > limits.maxTextCharacters)
    throw new ExtractError(fileName, 'over_limit', overLimit.text(text.length, limits.maxTextCharacters))
  const result = extractFromText(text, fileName)
  if (raw.ocr) markAsOcr(result, raw.ocr)
  return result
}

/** Every value of a scanned document was read by OCR: the record says so, for the reviewer to check each one. */
function markAsOcr(result: ExtractionResult, ocr: { pages: number; confidence: number }): void {
  const pages = ocr.pages === 1 ? 'one scanned page' : `${ocr.pages} scanned pages`
  const note = finding(
    'read_by_ocr',
    `The document is a scan: its text was read by OCR from ${pages}, with ${ocr.confidence}% mean word confidence. Check every value against the original.`,
    null,
  )
  result.draft.findings.unshift(note)
  result.draft.ocr = { ...ocr }
  result.record = toRecord(result.draft)
}

/** The pure part: text in, record out. Line numbers in the record refer to `text` as returned. */
export function extractFromText(text: string, fileName: string): ExtractionResult {
  const normalised = normaliseText(text)
  const draft = extractDraft(normalised, fileName)
  return { text: normalised, record: toRecord(draft), draft }
}
