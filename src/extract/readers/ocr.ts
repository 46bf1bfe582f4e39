/**
 * Scanned PDFs: each page's image read by Tesseract (tesseract.js, with the English model that
 * @tesseract.js-data/eng ships, so nothing is fetched). Word boxes go through the same line and column
 * layout as a text layer, so a scanned table keeps its cells.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import { extractImages, type getDocumentProxy } from 'unpdf'
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js'
import { ReadRefusal } from '../errors.ts'
import { layoutPage, type Item } from './pdf-layout.ts'

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>

export interface OcrReading {
  text: string
  pages: number
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number
}

interface PageImage {
  width: number
  height: number
  data: Uint8ClampedArray
  channels: 1 | 3 | 4
}

const MODEL_DIRECTORY = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
)

/** A table's ruling lines, which OCR reads as bars: not words. */
const RULING = /^[|¦![\]_—–-]+$/

/** Images smaller than this are logos and signatures, not a scanned page. */
const MIN_PAGE_PIXELS = 300 * 300

/** A greyscale PGM: a format Tesseract reads directly, so no image library is needed to hand it a page. */
export function toGreyscalePgm(image: PageImage): Buffer {
  const { width, height, data, channels } = image
  const grey = Buffer.alloc(width * height)
  for (let pixel = 0; pixel < grey.length; pixel++) {
    const at = pixel * channels
    grey[pixel] =
      channels === 1 ? data[at]! : Math.round(0.299 * data[at]! + 0.587 * data[at + 1]! + 0.114 * data[at + 2]!)
  }
  return Buffer.concat([Buffer.from(`P5\n${width} ${height}\n255\n`), grey])
}

async function largestImage(pdf: PdfDocument, pageNumber: number): Promise<PageImage | null> {
  const images = await extractImages(pdf, pageNumber)
  const largest = images.reduce<(typeof images)[number] | null>(
    (best, image) => (!best || image.width * image.height > best.width * best.height ? image : best),
    null,
  )
  if (!largest || largest.width * largest.height < MIN_PAGE_PIXELS) return null
  return largest
}

async function startTesseract(): Promise<Worker> {
  const worker = await createWorker('eng', OEM.LSTM_ONLY, {
    langPath: MODEL_DIRECTORY,
    cacheMethod: 'none',
    gzip: true,
  })
  await worker.setParameters({
    tessedit_pageseg_mode: PSM.AUTO,
    preserve_interword_spaces: '1',
    // Tesseract's notes ("Estimating resolution as …") are not the register's to print.
    debug_file: '/dev/null',
  })
  return worker
}

/** Reads every page of a PDF without a text layer by OCR. `onPage` is told before each page is read. */
export async function ocrPdf(
  pdf: PdfDocument,
  maxPages: number,
  onPage: (pageNumber: number) => void = () => {},
): Promise<OcrReading | null> {
  if (pdf.numPages > maxPages)
    throw new ReadRefusal(
      'over_limit',
      `the PDF is a scan of ${pdf.numPages} pages; the register reads at most ${maxPages} scanned pages`,
    )
  const images: PageImage[] = []
  for (let number = 1; number <= pdf.numPages; number++) {
    const image = await largestImage(pdf, number)
    if (image) images.push(image)
  }
  if (!images.length) return null
  const worker = await startTesseract()
  try {
    const pages: string[] = []
    const confidences: number[] = []
    for (const [index, image] of images.entries()) {
      onPage(index + 1)
      const { data } = await worker.recognize(toGreyscalePgm(image), {}, { blocks: true, text: false })
      const items: Item[] = []
      for (const block of data.blocks ?? [])
        for (const paragraph of block.paragraphs)
          for (const line of paragraph.lines)
            for (const word of line.words) {
              if (!word.text.trim() || RULING.test(word.text.trim())) continue
              confidences.push(word.confidence)
              const height = line.bbox.y1 - line.bbox.y0
              // Image rows grow downwards, PDF baselines upwards: the layout expects the latter.
              items.push({ text: word.text, x: word.bbox.x0, end: word.bbox.x1, y: -line.bbox.y1, size: height })
            }
      pages.push(layoutPage(items))
    }
    const confidence = confidences.length ? confidences.reduce((a, b) => a + b, 0) / confidences.length : 0
    return { text: pages.join('\n\n'), pages: images.length, confidence: Math.round(confidence) }
  } finally {
    await worker.terminate()
  }
}
