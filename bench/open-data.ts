/**
 * The open-data figures of the benchmark: a filtered API page of 100 over HTTP, and a full 360Giving export
 * streamed to a file with its peak memory.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Services } from '../src/services/index.ts'
import { percentile, timed, type Report } from './measure.ts'

export async function benchOpenData(app: Services, base: string, report: Report): Promise<void> {
  const offices = await app.register.offices()
  const stream = await app.database.db.selectFrom('funding_streams').select('slug').orderBy('id').executeTakeFirst()
  const provider = await app.database.db
    .selectFrom('organisations')
    .select('slug')
    .where('kind', '=', 'provider')
    .orderBy('id', 'desc')
    .executeTakeFirst()
  const pages = [
    `/api/v1/decisions?office=${offices[0]!.id}&year=2019&limit=100`,
    `/api/v1/decisions?q=refuge&limit=100`,
    `/api/v1/decisions?year=2022&kind=decision&limit=100`,
    `/api/v1/awards?office=${offices[1]!.id}&year=2020&limit=100`,
    `/api/v1/awards?route=grant&limit=100`,
    `/api/v1/awards?stream=${stream?.slug ?? 'none'}&year=2018&limit=100`,
    `/api/v1/awards?provider=${provider?.slug ?? 'none'}&limit=100`,
  ]
  const fetchPage = async (path: string) => {
    const response = await fetch(`${base}${path}`)
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`)
    const body = (await response.json()) as { nextCursor: string | null }
    return body.nextCursor
  }
  for (const path of pages) await fetchPage(path)
  const samples: number[] = []
  for (let round = 0; round < 20; round++) {
    for (const path of pages) {
      let cursor: string | null = null
      samples.push(await timed(async () => (cursor = await fetchPage(path))))
      if (cursor) samples.push(await timed(() => fetchPage(`${path}&cursor=${cursor}`)))
    }
  }
  report('api_p95_ms', percentile(samples, 95))

  const dir = mkdtempSync(join(tmpdir(), 'cr-bench-360-'))
  try {
    const before = process.memoryUsage.rss()
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50)
    let grants = 0
    const file = join(dir, '360giving.json')
    const ms = await timed(async () => (grants = (await app.openData.export360ToFile(file, { format: 'json' })).grants))
    clearInterval(sampler)
    report('export_360_s', ms / 1000)
    report('export_360_rss_before_mb', before / 1024 / 1024)
    report('export_360_peak_rss_mb', peak / 1024 / 1024)
    report('export_360_grants', grants)
    report('export_360_file_mb', statSync(file).size / 1024 / 1024)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
