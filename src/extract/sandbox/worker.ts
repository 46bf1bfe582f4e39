/** Runs in a worker thread: reads each document it is sent and answers with the record or the reason it was refused. */
import { parentPort } from 'node:worker_threads'
import { ExtractError } from '../errors.ts'
import { readDocument } from '../read.ts'
import type { ReadReply, ReadRequest } from './protocol.ts'

const port = parentPort
if (!port) throw new Error('worker.ts runs only as a worker thread')

port.on('message', async (request: ReadRequest) => {
  let reply: ReadReply
  try {
    const onOcrPage = (): void => port.postMessage({ progress: 'ocr_page' } satisfies ReadReply)
    reply = { ok: true, result: await readDocument(request.bytes, request.fileName, request.options, onOcrPage) }
  } catch (error) {
    reply =
      error instanceof ExtractError
        ? { ok: false, refusal: { file: error.file, code: error.code, reason: error.reason, detail: error.detail } }
        : { ok: false, failure: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }
  }
  port.postMessage(reply)
})
