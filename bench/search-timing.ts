/**
 * Times the register's search and chart pages on a data directory made once:
 * `tsx bench/search-timing.ts --dir D --make` generates 10,000 decisions into D; without --make, it migrates D
 * to the latest schema and prints the median and 95th percentile time of each address, page cache off.
 * `--addresses /a,/b` times those addresses instead of the search and chart pages; `--url` uses PostgreSQL.
 */
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { Database } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { loadDemonstrationData } from '../src/services/demo/load.ts'
import { services } from '../src/services/index.ts'
import { createApp } from '../src/web/app.ts'
import { generateRegister } from './generate.ts'

const { values } = parseArgs({
  options: {
    dir: { type: 'string' },
    url: { type: 'string' },
    make: { type: 'boolean', default: false },
    decisions: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '15' },
    addresses: { type: 'string' },
  },
})

const ADDRESSES = [
  '/?q=refuge',
  '/?q=domestic+abuse+outreach',
  '/?q=IDVA+Mansfield',
  '/?q=helpline&page=2',
  '/?q=PCC036',
  '/?q=juno+womans+aid',
  '/disclosure-log?q=medium+risk',
  '/charts',
]

async function main(): Promise<void> {
  const database = values.url
    ? await Database.open({ databaseUrl: values.url, poolSize: 4 })
    : await Database.open({ dataDir: values.dir! })
  try {
    if (values.make) {
      if (values.dir && existsSync(`${values.dir}/made`)) throw new Error('already made')
      await migrateToLatest(database)
      await loadDemonstrationData(database)
      await generateRegister(database, Number(values.decisions))
      await sql`vacuum analyze`.execute(database.db)
      return
    }
    await migrateToLatest(database)
    await sql`analyze`.execute(database.db)
    const web = createApp(services(database), { production: true, publicCacheSeconds: 0 })
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = web.listen(0, '127.0.0.1', () => resolve(s))
    })
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const addresses = values.addresses ? values.addresses.split(',') : ADDRESSES
    for (const address of addresses) {
      const samples: number[] = []
      for (let i = 0; i < Number(values.rounds) + 2; i++) {
        const start = process.hrtime.bigint()
        const response = await fetch(base + address)
        await response.text()
        if (response.status !== 200) throw new Error(`${address}: ${response.status}`)
        if (i >= 2) samples.push(Number(process.hrtime.bigint() - start) / 1e6)
      }
      samples.sort((a, b) => a - b)
      const p50 = samples[Math.floor(samples.length / 2)]!
      const p95 = samples[Math.min(samples.length - 1, Math.ceil(0.95 * samples.length) - 1)]!
      console.log(JSON.stringify({ address, p50_ms: Math.round(p50), p95_ms: Math.round(p95) }))
    }
    server.closeAllConnections()
    server.close()
  } finally {
    await database.close()
  }
}

await main()
