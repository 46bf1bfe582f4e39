/**
 * The register's heaviest public pages, served without the page cache: `charts_p95_ms`, `funding_streams_p95_ms`
 * and `provider_page_p95_ms` (the provider with the most awards). Each page is asked for twice first, so a figure
 * kept from the data (src/services/shared/public-figures-memo.ts) is measured as a visitor after the first meets it.
 */
import { sql } from 'kysely'
import type { Database } from '../src/db/database.ts'
import { percentile, timed, type Report } from './measure.ts'

export async function benchHeavyPages(database: Database, base: string, report: Report): Promise<void> {
  const busiest = await sql<{ slug: string }>`
    select o.slug from ledger_awards l join organisations o on o.id = l.recipient_id
    group by o.slug order by count(*) desc limit 1`.execute(database.db)
  const pages: Array<[string, string]> = [
    ['charts_p95_ms', '/charts'],
    ['funding_streams_p95_ms', '/funding-streams'],
    ['provider_page_p95_ms', `/providers/${busiest.rows[0]!.slug}`],
  ]
  for (const [metric, address] of pages) {
    const fetchPage = async () => {
      const response = await fetch(base + address)
      await response.text()
      if (response.status !== 200) throw new Error(`${address} answered ${response.status}`)
    }
    await fetchPage()
    await fetchPage()
    const samples: number[] = []
    for (let i = 0; i < 20; i++) samples.push(await timed(fetchPage))
    report(metric, percentile(samples, 95))
  }
}
