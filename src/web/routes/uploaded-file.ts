import type { Response } from 'express'

/** Shows a file inline under its own name, with what a header cannot hold replaced. */
export function inlineDisposition(fileName: string): string {
  return `inline; filename="${fileName.replace(/[^\w.\- ]/g, '_')}"`
}

/** Sends an uploaded file as it was uploaded, inline, never sniffed as another type. */
export function sendUploadedFile(res: Response, file: { mediaType: string; fileName: string; content: Buffer }): void {
  res
    .type(file.mediaType)
    .set('Content-Disposition', inlineDisposition(file.fileName))
    .set('X-Content-Type-Options', 'nosniff')
    .send(file.content)
}
