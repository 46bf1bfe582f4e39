/**
 * How much of a document the register will read. A hostile file (a zip bomb, a PDF of 20,000 pages, a
 * 25 MB text) is refused with a message naming the limit it broke, instead of taking the server with it.
 */

export interface ReadLimits {
  /** Pages of a PDF. */
  maxPages: number
  /** Pages of a PDF without a text layer, each read by OCR. */
  maxScannedPages: number
  /** Characters of text a document may hold once read. */
  maxTextCharacters: number
  /** Total uncompressed size of a Word document's parts, read from the ZIP's central directory before anything is expanded. */
  maxExpandedBytes: number
  /** How many times larger than its compressed size a sizeable part of a Word document may expand. */
  maxCompressionRatio: number
  /** How long reading one document may take; for a scan, how long each page's OCR may take. */
  timeoutMs: number
  /** Heap of the worker thread that reads one document. */
  memoryMb: number
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxPages: 500,
  maxScannedPages: 30,
  maxTextCharacters: 5_000_000,
  maxExpandedBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 100,
  timeoutMs: 30_000,
  memoryMb: 512,
}

export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined))
  return { ...DEFAULT_READ_LIMITS, ...defined }
}

const count = (n: number): string => Math.round(n).toLocaleString('en-GB')

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
  return `${Math.ceil(bytes / 1024)} KB`
}

/** The sentence that refuses a document over a limit: what the document has, and the most the register reads. */
export const overLimit = {
  pages: (pages: number, limit: number) =>
    `the PDF has ${count(pages)} pages; the register reads at most ${count(limit)}`,
  text: (characters: number, limit: number, partial = false) =>
    `the document has ${partial ? 'more than ' : ''}${count(characters)} characters of text; the register reads at most ${count(limit)}`,
  expanded: (bytes: number, limit: number) =>
    `the Word document expands to ${formatBytes(bytes)}; the register reads at most ${formatBytes(limit)}`,
  ratio: (part: string, ratio: number, limit: number) =>
    `the Word document's part ${part} expands ${count(ratio)} times its compressed size (a "zip bomb"); the register reads at most ${count(limit)} times`,
  time: (ms: number) =>
    `reading the document took longer than ${(ms / 1000).toLocaleString('en-GB', { maximumFractionDigits: 1 })} seconds, the most the register allows`,
  memory: (mb: number) =>
    `reading the document needed more than ${count(mb)} MB of memory, the most the register allows`,
}
