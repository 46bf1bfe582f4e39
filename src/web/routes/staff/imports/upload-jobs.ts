/**
 * The reading of a bulk upload as a job the browser follows: the upload's documents (each ZIP archive opened
 * into its documents) are read one after the other after the response, and the page asks for the job's state
 * ("Reading file 3 of 12") until it is done. Jobs live in memory for the person who started them, and are
 * forgotten an hour after they finish (a restart forgets them sooner; the records already read stay).
 */
import { randomUUID } from 'node:crypto'
import { logger } from '../../../../logger.ts'
import type { UploadResult } from './upload.ts'

export interface UploadJobState {
  id: string
  /** How many documents the upload holds, ZIP archives counted by their documents. */
  total: number
  /** The 1-based number of the document being read (total when done). */
  reading: number
  current: string | null
  results: UploadResult[]
  done: boolean
  /** Set when the reading stopped on something other than a document that cannot be imported. */
  problem: string | null
}

interface Job extends UploadJobState {
  userId: number
  finishedAt: number | null
}

const KEEP_MS = 60 * 60 * 1000
/** The most jobs kept at once; the oldest finished ones are forgotten first. */
const MAX_JOBS = 200

export interface UploadItem {
  fileName: string
  /** Reads the document; a document that cannot be imported gives a failed result rather than throwing. */
  read(): Promise<UploadResult>
}

export class UploadJobs {
  private readonly jobs = new Map<string, Job>()

  /** Starts reading the items after the caller returns; the state is followed with get(). */
  start(userId: number, items: UploadItem[]): UploadJobState {
    this.forgetOld()
    const job: Job = {
      id: randomUUID(),
      userId,
      total: items.length,
      reading: 0,
      current: null,
      results: [],
      done: false,
      problem: null,
      finishedAt: null,
    }
    this.jobs.set(job.id, job)
    setImmediate(() => void this.run(job, items))
    return stateOf(job)
  }

  /** The job's state for the person who started it; undefined for anyone else or a forgotten job. */
  get(id: string, userId: number): UploadJobState | undefined {
    const job = this.jobs.get(id)
    return job && job.userId === userId ? stateOf(job) : undefined
  }

  private async run(job: Job, items: UploadItem[]): Promise<void> {
    try {
      for (const [i, item] of items.entries()) {
        job.reading = i + 1
        job.current = item.fileName
        job.results.push(await item.read())
      }
    } catch (error) {
      logger.error('bulk upload stopped', { job: job.id, error: (error as Error).message })
      job.problem = 'The register stopped reading the documents: the documents listed were read; upload the rest again'
    } finally {
      job.current = null
      job.done = true
      job.finishedAt = Date.now()
    }
  }

  private forgetOld(): void {
    const now = Date.now()
    for (const [id, job] of this.jobs)
      if (job.finishedAt !== null && now - job.finishedAt > KEEP_MS) this.jobs.delete(id)
    if (this.jobs.size < MAX_JOBS) return
    const finished = [...this.jobs.values()]
      .filter((j) => j.finishedAt !== null)
      .sort((a, b) => a.finishedAt! - b.finishedAt!)
    for (const job of finished.slice(0, this.jobs.size - MAX_JOBS + 1)) this.jobs.delete(job.id)
  }
}

function stateOf(job: Job): UploadJobState {
  return {
    id: job.id,
    total: job.total,
    reading: job.reading,
    current: job.current,
    results: [...job.results],
    done: job.done,
    problem: job.problem,
  }
}
