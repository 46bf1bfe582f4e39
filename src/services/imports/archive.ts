/**
 * The documents in a ZIP archive of an office's published documents (a folder zipped for upload): each importable
 * file, by its path inside the archive, in name order. Sizes are checked from the central directory before anything
 * is expanded, and again while expanding, so an archive that lies about its sizes cannot exhaust memory.
 */
import { extname } from 'node:path'
import yauzl from 'yauzl'
import { readLimits } from '../../extract/index.ts'
import { ImportError } from './errors.ts'
import { IMPORTABLE_EXTENSIONS } from './files.ts'

/** The most documents one archive may hold. */
export const MAX_ARCHIVE_DOCUMENTS = 200

export interface ArchivedDocument {
  /** The archive's name and the document's path inside it: "decisions-2019.zip/March/PCC-2019-036.pdf". */
  name: string
  bytes: Buffer
}

export interface ArchiveLimits {
  /** The largest document, as for a single upload. */
  maxBytes: number
  /** The most the archive's documents may add up to once expanded (by default, the reader's limit for a document). */
  maxExpandedBytes?: number
}

/** Whether an upload is an archive to open rather than a document: by its name, as a Word document is a ZIP too. */
export function isArchive(fileName: string): boolean {
  return extname(fileName).toLowerCase() === '.zip'
}

function importable(path: string): boolean {
  const parts = path.split('/')
  if (parts.some((part) => part.startsWith('.') || part === '__MACOSX')) return false
  return !path.endsWith('/') && IMPORTABLE_EXTENSIONS.has(extname(path).toLowerCase())
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
}

function open(label: string, bytes: Uint8Array): Promise<yauzl.ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip)
        reject(new ImportError(label, 'corrupt', 'the ZIP archive is damaged and cannot be opened', error?.message))
      else resolve(zip)
    }),
  )
}

function expand(zip: yauzl.ZipFile, entry: yauzl.Entry, label: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream)
        return reject(
          new ImportError(label, 'corrupt', `${entry.fileName} in the archive cannot be read`, error?.message),
        )
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => resolve(Buffer.concat(chunks)))
      stream.on('error', (e: Error) =>
        reject(new ImportError(label, 'corrupt', `${entry.fileName} in the archive is damaged`, e.message)),
      )
    })
  })
}

/** Every importable document in the archive; throws an ImportError naming the archive and what is wrong. */
export async function documentsInArchive(
  label: string,
  bytes: Uint8Array,
  limits: ArchiveLimits,
): Promise<ArchivedDocument[]> {
  const zip = await open(label, bytes)
  const entries: yauzl.Entry[] = []
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (importable(entry.fileName)) entries.push(entry)
      zip.readEntry()
    })
    zip.on('end', () => resolve())
    zip.on('error', (error: Error) =>
      reject(new ImportError(label, 'corrupt', 'the ZIP archive is damaged and cannot be read', error.message)),
    )
    zip.readEntry()
  })
  try {
    if (entries.length > MAX_ARCHIVE_DOCUMENTS)
      throw new ImportError(
        label,
        'over_limit',
        `the archive holds ${entries.length} documents; upload at most ${MAX_ARCHIVE_DOCUMENTS} in one archive`,
      )
    const tooLarge = entries.find((e) => e.uncompressedSize > limits.maxBytes)
    if (tooLarge)
      throw new ImportError(
        label,
        'too_large',
        `${tooLarge.fileName} in the archive is ${megabytes(tooLarge.uncompressedSize)}; the limit is ${megabytes(limits.maxBytes)} a document`,
      )
    const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0)
    const maxExpandedBytes = limits.maxExpandedBytes ?? readLimits().maxExpandedBytes
    if (total > maxExpandedBytes)
      throw new ImportError(
        label,
        'over_limit',
        `the archive's documents add up to ${megabytes(total)} once expanded; the limit is ${megabytes(maxExpandedBytes)}`,
      )
    const documents: ArchivedDocument[] = []
    for (const entry of entries.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0)))
      documents.push({ name: `${label}/${entry.fileName}`, bytes: await expand(zip, entry, label) })
    return documents
  } finally {
    zip.close()
  }
}
