import { test } from 'node:test'
import assert from 'node:assert/strict'
import { UploadJobs, type UploadItem } from '../../../src/web/routes/staff/imports/upload-jobs.ts'
import type { UploadResult } from '../../../src/web/routes/staff/imports/upload.ts'

const result = (fileName: string): UploadResult => ({
  fileName,
  outcome: 'imported',
  reason: null,
  decisionId: 1,
  title: fileName,
})

/** Items that wait to be let through one at a time, so the job can be seen part-way. */
function gatedItems(names: string[]) {
  const gates = names.map(() => {
    let open: () => void = () => {}
    const opened = new Promise<void>((resolve) => (open = resolve))
    return { open, opened }
  })
  const items: UploadItem[] = names.map((fileName, i) => ({
    fileName,
    read: async () => {
      await gates[i]!.opened
      return result(fileName)
    },
  }))
  return { items, open: (i: number) => gates[i]!.open() }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

test('a job says which document it is reading, out of how many, and what each gave', async () => {
  const jobs = new UploadJobs()
  const { items, open } = gatedItems(['a.txt', 'b.pdf', 'c.docx'])
  const started = jobs.start(7, items)
  assert.equal(started.total, 3)
  assert.equal(started.done, false)
  await tick()
  assert.deepEqual(
    (({ reading, current, results }) => ({ reading, current, results: results.length }))(jobs.get(started.id, 7)!),
    { reading: 1, current: 'a.txt', results: 0 },
  )
  open(0)
  await tick()
  await tick()
  const second = jobs.get(started.id, 7)!
  assert.equal(second.reading, 2)
  assert.equal(second.current, 'b.pdf')
  assert.deepEqual(
    second.results.map((r) => r.fileName),
    ['a.txt'],
  )
  open(1)
  open(2)
  for (let i = 0; i < 6; i++) await tick()
  const done = jobs.get(started.id, 7)!
  assert.equal(done.done, true)
  assert.equal(done.current, null)
  assert.deepEqual(
    done.results.map((r) => r.fileName),
    ['a.txt', 'b.pdf', 'c.docx'],
  )
  assert.equal(done.problem, null)
})

test("a job is only for the person who started it, and an unknown job is nobody's", () => {
  const jobs = new UploadJobs()
  const started = jobs.start(7, [])
  assert.ok(jobs.get(started.id, 7))
  assert.equal(jobs.get(started.id, 8), undefined)
  assert.equal(jobs.get('not-a-job', 7), undefined)
})

test('a reading that throws ends the job with a problem, keeping what was read', async () => {
  const jobs = new UploadJobs()
  const started = jobs.start(7, [
    { fileName: 'a.txt', read: async () => result('a.txt') },
    {
      fileName: 'b.txt',
      read: async () => {
        throw new Error('database gone')
      },
    },
    { fileName: 'c.txt', read: async () => result('c.txt') },
  ])
  for (let i = 0; i < 6; i++) await tick()
  const job = jobs.get(started.id, 7)!
  assert.equal(job.done, true)
  assert.match(job.problem ?? '', /stopped reading/)
  assert.deepEqual(
    job.results.map((r) => r.fileName),
    ['a.txt'],
  )
})
