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
 */
import { readFile, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { ExtractError } from './errors.ts'
import { extractDraft, normaliseText } from './extract-text.ts'
import { docxToText } from './readers/docx.ts'
import { htmlToText } from './readers/html.ts'
import { PdfReadError, pdfToText } from './readers/pdf.ts'
import { decodeText } from './readers/text.ts'
import { toRecord } from './record.ts'
import type { ExtractedDraft, ExtractedRecord } from './types.ts'

export { ExtractError, type ExtractErrorCode } from './errors.ts'
export type { AwardDraft, ContributionDraft, DocumentKind, ExtractedDraft, ExtractedRecord, Route, ServicePeriod, Source } from './types.ts'
export { toRecord } from './record.ts'

export const DEFAULT_MAX_BYTES = 25 * 1024 * 1024

export interface ExtractOptions {
  /** Files larger than this are refused (default 25 MB). */
  maxBytes?: number
  /** A MIME type, when the caller knows it (an upload). */
  mediaType?: string
}

export interface ExtractionResult {
  text: string
  record: ExtractedRecord
  draft: ExtractedDraft
}

export type DocumentType = 'pdf' | 'docx' | 'html' | 'text'

const TEXT_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', ''])
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml'])
const MEDIA_TYPES: Record<string, DocumentType> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'text',
}
const SUPPORTED = 'supported types are PDF, Word (.docx), HTML and plain text'

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte)
}

function hasZipEntry(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name, 0, 'latin1')
}

/** What a file is, from its first bytes first, then its media type, then its extension. */
export function detectType(bytes: Uint8Array, fileName: string, mediaType?: string): DocumentType {
  const extension = extname(fileName).toLowerCase()
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (hasZipEntry(bytes, 'word/document.xml') || hasZipEntry(bytes, 'word/')) return 'docx'
    throw new ExtractError(fileName, 'unsupported', `unsupported file type: a ZIP archive that is not a Word document (${SUPPORTED})`)
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ExtractError(fileName, extension === '.docx' ? 'encrypted' : 'unsupported', extension === '.docx' ? 'the Word document is password-protected (encrypted)' : `unsupported file type: an old-style Office file (.doc/.xls); save it as .docx or PDF (${SUPPORTED})`)
  }
  const images: Array<[number[], string]> = [[[0x89, 0x50, 0x4e, 0x47], 'PNG image'], [[0xff, 0xd8, 0xff], 'JPEG image'], [[0x47, 0x49, 0x46, 0x38], 'GIF image'], [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF document']]
  for (const [signature, name] of images) if (startsWith(bytes, signature)) throw new ExtractError(fileName, 'unsupported', `unsupported file type: a ${name} (${SUPPORTED})`)
  if (extension === '.pdf') throw new ExtractError(fileName, 'corrupt', 'the PDF is damaged or not a PDF (it does not start with %PDF)')
  if (extension === '.docx') throw new ExtractError(fileName, 'corrupt', 'the Word document is damaged or not a .docx file')
  const byMedia = mediaType ? MEDIA_TYPES[mediaType.split(';')[0]!.trim().toLowerCase()] : undefined
  if (byMedia === 'html' || HTML_EXTENSIONS.has(extension)) return 'html'
  if (byMedia === 'text' || TEXT_EXTENSIONS.has(extension)) {
    const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase()
    return head.startsWith('<!doctype html') || head.startsWith('<html') ? 'html' : 'text'
  }
  throw new ExtractError(fileName, 'unsupported', `unsupported file type${extension ? ` (${extension})` : ''}: ${SUPPORTED}`)
}

async function readText(bytes: Uint8Array, fileName: string, type: DocumentType): Promise<string> {
  if (type === 'pdf') {
    try {
      return await pdfToText(bytes)
    } catch (error) {
      if (error instanceof PdfReadError) throw new ExtractError(fileName, error.kind, error.message)
      throw error
    }
  }
  if (type === 'docx') {
    try {
      return await docxToText(bytes)
    } catch (error) {
      throw new ExtractError(fileName, 'corrupt', `the Word document is damaged and cannot be read (${(error as Error).message})`)
    }
  }
  const decoded = decodeText(bytes)
  if (!decoded.ok) throw new ExtractError(fileName, /binary/.test(decoded.reason) ? 'binary' : 'empty', decoded.reason === 'it has no text' ? 'the file has no text' : `the file is not a text document: ${decoded.reason}`)
  return type === 'html' ? htmlToText(decoded.text) : decoded.text
}

/** Reads uploaded or stored bytes. Throws ExtractError (naming the file and the reason) when they cannot be read. */
export async function extractBuffer(bytes: Uint8Array, fileName: string, mediaTypeOrOptions?: string | ExtractOptions): Promise<ExtractionResult> {
  const options: ExtractOptions = typeof mediaTypeOrOptions === 'string' ? { mediaType: mediaTypeOrOptions } : (mediaTypeOrOptions ?? {})
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (bytes.byteLength > maxBytes) throw new ExtractError(fileName, 'too_large', `the file is too large (${formatSize(bytes.byteLength)}; the limit is ${formatSize(maxBytes)})`)
  if (bytes.byteLength === 0) throw new ExtractError(fileName, 'empty', 'the file is empty')
  const type = detectType(bytes, fileName, options.mediaType)
  const raw = await readText(bytes, fileName, type)
  const text = normaliseText(raw)
  if (!text.trim()) throw new ExtractError(fileName, 'no_text', 'the document has no text')
  return extractFromText(text, fileName)
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
    throw new ExtractError(path, 'unreadable', (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `the file cannot be read (${(error as Error).message})`)
  }
  if (size > maxBytes) throw new ExtractError(path, 'too_large', `the file is too large (${formatSize(size)}; the limit is ${formatSize(maxBytes)})`)
  const bytes = await readFile(path)
  return extractBuffer(bytes, path, options)
}

/** The pure part: text in, record out. Line numbers in the record refer to `text` as returned. */
export function extractFromText(text: string, fileName: string): ExtractionResult {
  const normalised = normaliseText(text)
  const draft = extractDraft(normalised, fileName)
  return { text: normalised, record: toRecord(draft), draft }
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`
}
