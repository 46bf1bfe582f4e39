/**
 * Ledger figures for the benchmark: `ledger_p95_ms` over the public ledger with each kind of filter and
 * sort (rows, totals and the filter choices, as the page asks for them, plus the per-year view), and
 * `flow_diagram_ms`, the median time to build the Sankey diagram's data for the whole register.
 */
import type { Services } from '../src/services/index.ts'
import type { LedgerFilter, LedgerOrder } from '../src/services/ledger/ledger.ts'
import { percentile, timed, type Report } from './measure.ts'

export async function benchLedger(app: Services, report: Report): Promise<void> {
  const options = await app.ledger.options()
  const provider = options.providers[Math.floor(options.providers.length / 2)]!
  const stream = options.streams[0]!
  const lead = options.leads[0]!
  const area = options.areas.find((a) => a.name === 'Mansfield') ?? options.areas[0]!
  const year = options.years[Math.floor(options.years.length / 2)]!.startYear
  const byDate: LedgerOrder = { sort: 'date', direction: 'desc' }
  const cases: Array<{ filter: LedgerFilter; order: LedgerOrder; page?: number; view?: 'years' }> = [
    { filter: {}, order: byDate },
    { filter: {}, order: byDate, page: 5 },
    { filter: {}, order: { sort: 'amount', direction: 'desc' } },
    { filter: { year }, order: byDate },
    { filter: { year }, order: { sort: 'provider', direction: 'asc' } },
    { filter: { providerId: provider.id }, order: byDate },
    { filter: { providerId: provider.id, year }, order: { sort: 'amount', direction: 'asc' } },
    { filter: { streamId: stream.id }, order: byDate },
    { filter: { streamId: stream.id, year }, order: byDate },
    { filter: { route: 'direct_award' }, order: { sort: 'provider', direction: 'asc' } },
    { filter: { leadId: lead.id }, order: byDate },
    { filter: { areaId: area.id }, order: byDate },
    { filter: { serviceType: 'idva' }, order: byDate },
    { filter: { providerId: provider.id }, order: byDate, view: 'years' },
    { filter: { year }, order: byDate, view: 'years' },
    { filter: { streamId: stream.id }, order: byDate, view: 'years' },
  ]
  const run = (c: (typeof cases)[number]) =>
    c.view === 'years'
      ? Promise.all([app.ledger.apportioned(c.filter), app.ledger.options()])
      : Promise.all([app.ledger.page(c.filter, c.order, c.page ?? 1), app.ledger.options()])
  for (const c of cases) await run(c)
  const samples: number[] = []
  for (let round = 0; round < 5; round++) for (const c of cases) samples.push(await timed(() => run(c)))
  report('ledger_p50_ms', percentile(samples, 50))
  report('ledger_p95_ms', percentile(samples, 95))

  await app.charts.flow({})
  const flowSamples: number[] = []
  for (let i = 0; i < 5; i++) flowSamples.push(await timed(() => app.charts.flow({})))
  report('flow_diagram_ms', percentile(flowSamples, 50))
}
