/** What a file is, from its first bytes, its media type and its extension; a type the register cannot read is refused here. */
import { extname } from 'node:path'
import { ExtractError } from './errors.ts'

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
    throw new ExtractError(
      fileName,
      'unsupported',
      `unsupported file type: a ZIP archive that is not a Word document (${SUPPORTED})`,
    )
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new ExtractError(
      fileName,
      extension === '.docx' ? 'encrypted' : 'unsupported',
      extension === '.docx'
        ? 'the Word document is password-protected (encrypted)'
        : `unsupported file type: an old-style Office file (.doc/.xls); save it as .docx or PDF (${SUPPORTED})`,
    )
  }
  const images: Array<[number[], string]> = [
    [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
    [[0xff, 0xd8, 0xff], 'JPEG image'],
    [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
    [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'RTF document'],
  ]
  for (const [signature, name] of images)
    if (startsWith(bytes, signature))
      throw new ExtractError(fileName, 'unsupported', `unsupported file type: a ${name} (${SUPPORTED})`)
  if (extension === '.pdf')
    throw new ExtractError(fileName, 'corrupt', 'the PDF is damaged or not a PDF (it does not start with %PDF)')
  if (extension === '.docx')
    throw new ExtractError(fileName, 'corrupt', 'the Word document is damaged or not a .docx file')
  const byMedia = mediaType ? MEDIA_TYPES[mediaType.split(';')[0]!.trim().toLowerCase()] : undefined
  if (byMedia === 'html' || HTML_EXTENSIONS.has(extension)) return 'html'
  if (byMedia === 'text' || TEXT_EXTENSIONS.has(extension)) {
    const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase()
    return head.startsWith('<!doctype html') || head.startsWith('<html') ? 'html' : 'text'
  }
  throw new ExtractError(
    fileName,
    'unsupported',
    `unsupported file type${extension ? ` (${extension})` : ''}: ${SUPPORTED}`,
  )
}
