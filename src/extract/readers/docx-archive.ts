/**
 * The sizes a Word document's ZIP declares in its central directory, checked before anything is expanded:
 * a zip bomb (a few hundred KB that expand to millions of paragraphs) is refused without inflating it.
 */
import yauzl from 'yauzl'
import { ReadRefusal } from '../errors.ts'
import { overLimit, type ReadLimits } from '../limits.ts'

export interface ArchiveEntry {
  name: string
  compressedSize: number
  uncompressedSize: number
}

/** Parts smaller than this may compress as well as they like: they cannot exhaust anything. */
const RATIO_APPLIES_ABOVE = 1024 * 1024

export async function archiveEntries(bytes: Uint8Array): Promise<ArchiveEntry[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no archive'))
      const entries: ArchiveEntry[] = []
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({
          name: entry.fileName,
          compressedSize: entry.compressedSize,
          uncompressedSize: entry.uncompressedSize,
        })
        zip.readEntry()
      })
      zip.on('end', () => resolve(entries))
      zip.on('error', reject)
      zip.readEntry()
    })
  })
}

/** Throws a ReadRefusal naming the limit when the archive would expand beyond what the register reads. */
export function checkExpansion(
  entries: ArchiveEntry[],
  limits: Pick<ReadLimits, 'maxExpandedBytes' | 'maxCompressionRatio'>,
): void {
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0)
  if (total > limits.maxExpandedBytes)
    throw new ReadRefusal('over_limit', overLimit.expanded(total, limits.maxExpandedBytes))
  for (const entry of entries) {
    if (entry.uncompressedSize <= RATIO_APPLIES_ABOVE) continue
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
    if (ratio > limits.maxCompressionRatio)
      throw new ReadRefusal('over_limit', overLimit.ratio(entry.name, ratio, limits.maxCompressionRatio))
  }
}

export async function checkWordArchive(
  bytes: Uint8Array,
  limits: Pick<ReadLimits, 'maxExpandedBytes' | 'maxCompressionRatio'>,
): Promise<void> {
  let entries: ArchiveEntry[]
  try {
    entries = await archiveEntries(bytes)
  } catch (error) {
    throw new ReadRefusal(
      'corrupt',
      'the Word document is damaged: its ZIP structure cannot be read',
      (error as Error).message,
    )
  }
  if (!entries.some((entry) => entry.name === 'word/document.xml')) {
    throw new ReadRefusal('corrupt', 'the Word document is damaged: it has no main text part (word/document.xml)')
  }
  checkExpansion(entries, limits)
}
