import type { Request, Response } from 'express'
import { pipeline } from 'node:stream/promises'
import { logger } from '../logger.ts'

type Stage = NodeJS.ReadableStream | NodeJS.ReadWriteStream

/**
 * Streams a download into the response. A failure after the first byte (the client leaves, the database
 * stops) ends this response only: the connection is cut, the failure logged, and nothing is thrown, since
 * no other answer can be given once the headers are out. A failure before that is thrown as usual.
 */
export async function streamDownload(req: Request, res: Response, ...stages: [Stage, ...Stage[]]): Promise<void> {
  try {
    await pipeline([...stages, res])
  } catch (error) {
    if (!res.headersSent && !res.destroyed) throw error
    const clientLeft = (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' || req.destroyed
    const fields = { requestId: res.locals.requestId, path: req.path, error: (error as Error).message }
    if (clientLeft) logger.info('client left before the download finished', fields)
    else logger.error('download failed after it started', fields)
    res.destroy()
  }
}
