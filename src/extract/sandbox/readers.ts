/**
 * Document reading off the calling thread. Each document is read in a worker thread with a capped heap
 * and a deadline: a document that runs past either is refused with the limit named, its worker is thrown
 * away, and the web thread never stops answering. Idle workers are kept a little while for the next
 * document, and never keep the process alive.
 */
import { Worker } from 'node:worker_threads'
import { ExtractError } from '../errors.ts'
import { overLimit, readLimits } from '../limits.ts'
import type { ExtractionResult, ExtractOptions } from '../read.ts'
import type { ReadReply, ReadRequest } from './protocol.ts'

const ENTRY = new URL('./worker-entry.mjs', import.meta.url)

interface Job {
  request: ReadRequest
  timeoutMs: number
  memoryMb: number
  resolve(result: ExtractionResult): void
  reject(error: Error): void
}

/** One worker thread, reading one document at a time. */
class ReaderThread {
  private readonly worker: Worker
  private job: Job | null = null
  private timer: NodeJS.Timeout | undefined
  private idleTimer: NodeJS.Timeout | undefined
  dead = false

  constructor(
    readonly memoryMb: number,
    private readonly idleMs: number,
    private readonly onFree: (thread: ReaderThread) => void,
  ) {
    this.worker = new Worker(ENTRY, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: memoryMb } })
    this.worker.on('message', (reply: ReadReply) => this.finish(reply))
    this.worker.on('error', (error: Error & { code?: string }) => {
      const job = this.job
      const reason = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? overLimit.memory(this.memoryMb) : null
      this.kill()
      job?.reject(
        reason
          ? new ExtractError(job.request.fileName, 'over_limit', reason, error.message)
          : new ExtractError(
              job.request.fileName,
              'unreadable',
              'the document could not be read',
              `${error.name}: ${error.message}`,
            ),
      )
    })
    this.worker.on('exit', () => {
      const job = this.job
      this.kill()
      job?.reject(
        new ExtractError(
          job.request.fileName,
          'unreadable',
          'the document could not be read',
          'the reader thread stopped',
        ),
      )
    })
  }

  get busy(): boolean {
    return this.job !== null
  }

  run(job: Job): void {
    clearTimeout(this.idleTimer)
    this.job = job
    this.worker.ref()
    this.startDeadline(job)
    this.worker.postMessage(job.request)
  }

  private startDeadline(job: Job): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.kill()
      job.reject(new ExtractError(job.request.fileName, 'over_limit', overLimit.time(job.timeoutMs)))
    }, job.timeoutMs)
  }

  private finish(reply: ReadReply): void {
    const job = this.job
    if (!job) return
    if ('progress' in reply) {
      this.startDeadline(job)
      return
    }
    clearTimeout(this.timer)
    this.job = null
    this.worker.unref()
    this.idleTimer = setTimeout(() => this.kill(), this.idleMs)
    this.idleTimer.unref()
    if (reply.ok) job.resolve(reply.result)
    else if ('refusal' in reply)
      job.reject(new ExtractError(reply.refusal.file, reply.refusal.code, reply.refusal.reason, reply.refusal.detail))
    else
      job.reject(new ExtractError(job.request.fileName, 'unreadable', 'the document could not be read', reply.failure))
    this.onFree(this)
  }

  /** Ends the thread; a job still on it is the caller's to reject. */
  kill(): void {
    if (this.dead) return
    this.dead = true
    this.job = null
    clearTimeout(this.timer)
    clearTimeout(this.idleTimer)
    void this.worker.terminate()
    this.onFree(this)
  }
}

/** A small pool of reader threads; documents beyond it wait their turn. */
export class DocumentReaders {
  private threads: ReaderThread[] = []
  private readonly queue: Job[] = []

  constructor(
    private readonly size = 2,
    private readonly idleMs = 15_000,
  ) {}

  read(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ExtractionResult> {
    const limits = readLimits(options.limits)
    return new Promise((resolve, reject) => {
      this.queue.push({
        request: { bytes, fileName, options: { ...options, limits } },
        timeoutMs: limits.timeoutMs,
        memoryMb: limits.memoryMb,
        resolve,
        reject,
      })
      this.dispatch()
    })
  }

  /** Ends every reader thread (tests, and a command that has finished). */
  async close(): Promise<void> {
    for (const thread of this.threads) thread.kill()
    this.threads = []
  }

  private dispatch(): void {
    this.threads = this.threads.filter((thread) => !thread.dead)
    while (this.queue.length) {
      const job = this.queue[0]!
      let thread = this.threads.find((t) => !t.busy && t.memoryMb === job.memoryMb)
      if (!thread && this.threads.length >= this.size) {
        const idle = this.threads.find((t) => !t.busy)
        if (!idle) return
        idle.kill()
        this.threads = this.threads.filter((t) => t !== idle)
      }
      thread ??= this.spawn(job.memoryMb)
      this.queue.shift()
      thread.run(job)
    }
  }

  private spawn(memoryMb: number): ReaderThread {
    const thread = new ReaderThread(memoryMb, this.idleMs, () => queueMicrotask(() => this.dispatch()))
    this.threads.push(thread)
    return thread
  }
}

/** The process's readers: every import and extraction goes through them. */
export const documentReaders = new DocumentReaders()
