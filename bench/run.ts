/**
 * The benchmark: `npm run bench -- --decisions N --engine pglite|postgres`.
 * Generates a synthetic register and prints one JSON line per figure.
 * PostgreSQL: BENCH_DATABASE_URL (or TEST_DATABASE_URL) names a server on which a throwaway database is made.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { sql } from 'kysely'
import { Database } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { loadDemonstrationData } from '../src/services/demo/load.ts'
import { services } from '../src/services/index.ts'
import type { DecisionSearch } from '../src/services/decisions/register.ts'
import { createApp } from '../src/web/app.ts'
import { generateRegister, randomSequence } from './generate.ts'
import { benchOpenData } from './open-data.ts'
import { benchLedger } from './ledger.ts'
import { percentile, timed } from './measure.ts'
import { mixedAddresses, mixedRequestsPerSecond } from './mixed.ts'
import { benchServedWorkers } from './served.ts'
import { benchSpend } from './spend.ts'
import { benchHeavyPages } from './pages.ts'
import { createThrowawayDatabase } from '../test/support/throwaway-postgres.ts'

const { values } = parseArgs({
  options: {
    decisions: { type: 'string', default: '10000' },
    engine: { type: 'string', default: 'pglite' },
    seconds: { type: 'string', default: '10' },
  },
})
const decisionCount = Number(values.decisions)
const engine = values.engine === 'postgres' ? 'postgres' : 'pglite'
const loadSeconds = Number(values.seconds)

function report(metric: string, value: number): void {
  console.log(JSON.stringify({ engine, decisions: decisionCount, metric, value: Math.round(value * 10) / 10 }))
}

async function openBenchDatabase(): Promise<{ database: Database; url?: string; cleanUp: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'cr-bench-'))
    const database = await Database.open({ dataDir: dir })
    return {
      database,
      cleanUp: async () => {
        await database.close()
        rmSync(dir, { recursive: true, force: true })
      },
    }
  }
  const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL
  if (!serverUrl)
    throw new Error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server for --engine postgres')
  const throwaway = await createThrowawayDatabase(serverUrl, `cr_bench_${Date.now()}`)
  const database = await Database.open({ databaseUrl: throwaway.url, poolSize: 10 })
  return {
    database,
    url: throwaway.url,
    cleanUp: async () => {
      await database.close()
      await throwaway.drop()
    },
  }
}

async function listen(web: import('express').Express): Promise<{ base: string; close: () => void }> {
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = web.listen(0, '127.0.0.1', () => resolve(s))
  })
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => {
      server.closeAllConnections()
      server.close()
    },
  }
}

async function main(): Promise<void> {
  const { database, url: databaseUrl, cleanUp } = await openBenchDatabase()
  try {
    await migrateToLatest(database)
    await loadDemonstrationData(database)

    const loadStart = process.hrtime.bigint()
    const generated = await generateRegister(database, decisionCount)
    const loadSeconds_ = Number(process.hrtime.bigint() - loadStart) / 1e9
    report('load_rows_per_s', (generated.decisions + generated.awards) / loadSeconds_)
    // What autovacuum does to a production database after a bulk load.
    await sql`vacuum analyze`.execute(database.db)

    const app = services(database)
    const offices = await app.register.offices()
    const queries: DecisionSearch[] = [
      {},
      { page: 3 },
      { text: 'refuge' },
      { text: 'domestic abuse outreach' },
      { text: 'perpetrator programme', financialYear: 2019 },
      { officeId: offices[0]!.id },
      { financialYear: 2022 },
      { officeId: offices[1]!.id, financialYear: 2016 },
      { text: 'IDVA Mansfield' },
      { text: 'helpline', officeId: offices[2]!.id, page: 2 },
    ]
    for (const q of queries) await app.register.searchDecisions(q)
    const searchSamples: number[] = []
    for (let round = 0; round < 20; round++)
      for (const q of queries) searchSamples.push(await timed(() => app.register.searchDecisions(q)))
    report('search_p50_ms', percentile(searchSamples, 50))
    report('search_p95_ms', percentile(searchSamples, 95))
    await benchLedger(app, report)
    await benchSpend(app, report)

    const web = createApp(app, { production: true, publicCacheSeconds: Number(process.env.PUBLIC_CACHE_SECONDS ?? 2) })
    const { base, close } = await listen(web)
    try {
      const random = randomSequence(7)
      const pageSamples: number[] = []
      for (let i = 0; i < 200; i++) {
        const slug = generated.slugs[Math.floor(random() * generated.slugs.length)]!
        pageSamples.push(
          await timed(async () => {
            const response = await fetch(`${base}/decisions/${slug}`)
            await response.text()
          }),
        )
      }
      report('decision_page_p95_ms', percentile(pageSamples, 95))

      const home = await autocannon({ url: `${base}/`, connections: 10, duration: loadSeconds })
      report('home_rps', home.requests.average)
      const staticPage = await autocannon({ url: `${base}/static/sample.html`, connections: 10, duration: loadSeconds })
      report('static_rps', staticPage.requests.average)
      const addresses = await mixedAddresses(app, generated.slugs)
      report('register_mixed_addresses', addresses.length)
      const uncached = await listen(createApp(app, { production: true, publicCacheSeconds: 0 }))
      try {
        const mixed = await mixedRequestsPerSecond(uncached.base, addresses, loadSeconds)
        report('register_mixed_rps', mixed)
        report('register_mixed_percent_of_static', (100 * mixed) / staticPage.requests.average)
        const home = await autocannon({ url: `${uncached.base}/`, connections: 10, duration: loadSeconds })
        report('home_uncached_rps', home.requests.average)
        await benchHeavyPages(database, uncached.base, report)
      } finally {
        uncached.close()
      }
      if (databaseUrl) await benchServedWorkers(databaseUrl, addresses, loadSeconds, report)
      await benchOpenData(app, base, report)
    } finally {
      close()
    }
  } finally {
    await cleanUp()
  }

  const extractBench = new URL('./extract.ts', import.meta.url)
  if (existsSync(extractBench)) {
    const { benchExtract } = (await import(extractBench.href)) as {
      benchExtract: () => Promise<Array<{ metric: string; value: number }>>
    }
    for (const { metric, value } of await benchExtract()) report(metric, value)
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
