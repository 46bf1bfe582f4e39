import { Readable } from 'node:stream'
import type { Request, Response } from 'express'
import { financialYear } from '../../../../domain/financial-year.ts'
import { formatPence, penceToDecimalString } from '../../../../domain/money.ts'
import type { FlowOfYear, SpendByYear, SpendDimension } from '../../../../services/ledger/charts.ts'
import type { Services } from '../../../../services/index.ts'
import { safeCsvStringifier } from '../../../../services/open-data/csv.ts'
import { flowColours, sankeySvg } from '../../../charts/sankey.ts'
import { stackedColumnsSvg } from '../../../charts/stacked-columns.ts'
import { streamDownload } from '../../../streaming.ts'
import { errorList, type FieldErrors } from '../../../validation.ts'
import { one } from './query.ts'
import { registerBase, registerOffices } from '../offices/register-context.ts'

const TITLES = { serviceType: 'Spend by service type', provider: 'Spend by provider', area: 'Spend by area' } as const
const FIRST_COLUMN = { serviceType: 'Service type', provider: 'Provider', area: 'Area' } as const

/** Each chart's name in its download addresses: /charts/{name}.svg and /charts/{name}.csv. */
const CHART_FILES: Record<string, SpendDimension | 'flow'> = {
  'spend-by-service-type': 'serviceType',
  'spend-by-provider': 'provider',
  'spend-by-area': 'area',
  'flow-of-money': 'flow',
}
const FILE_OF = Object.fromEntries(Object.entries(CHART_FILES).map(([file, chart]) => [chart, file])) as Record<
  SpendDimension | 'flow',
  string
>

function readYear(req: Request): { year: number | undefined; error: string | null } {
  const yearText = one(req.query.year)?.trim()
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined
  return { year, error: yearText && year === undefined ? 'Choose a financial year from the list' : null }
}

/**
 * Pictures of the ledger, drawn on the server as SVG, each with its figures in a table beside it and both to
 * download: the picture as an SVG file and its figures as CSV.
 */
export class ChartsController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const { year, error } = readYear(req)
    const errors: FieldErrors = {}
    if (error) errors.year = error
    const filter = { year, offices: registerOffices(res) }
    const [serviceType, provider, area, flow, options] = await Promise.all([
      this.services.charts.spendByYear('serviceType', filter),
      this.services.charts.spendByYear('provider', filter),
      this.services.charts.spendByYear('area', filter),
      this.services.charts.flow(filter),
      this.services.ledger.options(),
    ])
    const period = periodOf(year)
    const query = year === undefined ? '' : `?year=${year}`
    const charts = [serviceType, provider, area].map((data) => ({
      ...chartView(data, period),
      downloads: downloads(registerBase(res), FILE_OF[data.dimension], query),
    }))
    res.status(errors.year ? 400 : 200).render('pages/public/ledger/charts', {
      errors,
      errorList: errorList(errors),
      year,
      period,
      years: options.years,
      charts,
      flow: {
        ...flow,
        ...drawnFlow(flow),
        downloads: downloads(registerBase(res), FILE_OF.flow, `?year=${flow.year}`),
      },
    })
  }

  /** One chart as a file: `/charts/spend-by-provider.svg`, `/charts/flow-of-money.csv?year=2024`. */
  download = async (req: Request, res: Response): Promise<void> => {
    const match = /^([a-z-]+)\.(svg|csv)$/.exec(String(req.params.file ?? ''))
    const chart = match ? CHART_FILES[match[1]!] : undefined
    const { year, error } = readYear(req)
    if (!match || !chart) {
      res.status(404).type('text/plain').send('There is no chart of that name.')
      return
    }
    if (error) {
      res.status(400).type('text/plain').send(error)
      return
    }
    const period = periodOf(year)
    let fileYear = year
    const table: string[][] = []
    let svg: string
    if (chart === 'flow') {
      const flow = await this.services.charts.flow({ year, offices: registerOffices(res) })
      fileYear = flow.year
      const drawn = drawnFlow(flow)
      svg = drawn.svg
      table.push(['From', 'To', 'Money from', 'Colour', 'Amount (£)', 'Of which ceilings, up to (£)'])
      for (const r of drawn.rows)
        table.push([r.from, r.to, r.origin, r.colour, penceToDecimalString(r.pence), penceToDecimalString(r.ceilingPence)])
    } else {
      const data = await this.services.charts.spendByYear(chart, { year, offices: registerOffices(res) })
      svg = chartView(data, period).svg
      table.push([FIRST_COLUMN[chart], ...data.years.map((y) => `${y.label} (£)`), 'Total (£)'])
      for (const s of data.series) table.push([s.label, ...s.byYear.map(penceToDecimalString), penceToDecimalString(s.totalPence)])
      table.push(['Total', ...data.yearTotals.map(penceToDecimalString), penceToDecimalString(data.totalPence)])
    }
    const fileName = `${match[1]}${fileYear === undefined ? '' : `-${financialYear(fileYear).label.replace('/', '-')}`}.${match[2]}`
    res.set('Cache-Control', 'public, max-age=60').attachment(fileName)
    if (match[2] === 'svg') {
      res.type('image/svg+xml; charset=utf-8').send(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`)
      return
    }
    res.type('text/csv; charset=utf-8')
    await streamDownload(req, res, Readable.from(table), safeCsvStringifier())
  }
}

function periodOf(year: number | undefined): string {
  return year === undefined ? 'every financial year' : financialYear(year).label
}

function downloads(base: string, file: string, query: string) {
  return { svg: `${base}/charts/${file}.svg${query}`, csv: `${base}/charts/${file}.csv${query}` }
}

/**
 * A flow is kept by the service until its data changes, and returned as the same object meanwhile, so its
 * picture and rows are drawn once per flow rather than once per request.
 */
const drawnFlows = new WeakMap<FlowOfYear, DrawnFlow>()

interface DrawnFlow {
  svg: string
  legend: ReturnType<typeof flowColours>['legend']
  rows: ReturnType<typeof flowRows>
}

function drawnFlow(flow: FlowOfYear): DrawnFlow {
  let drawn = drawnFlows.get(flow)
  if (!drawn) {
    drawn = { svg: flowSvg(flow), legend: flowColours(flow).legend, rows: flowRows(flow) }
    drawnFlows.set(flow, drawn)
  }
  return drawn
}

function flowSvg(flow: FlowOfYear): string {
  const inColumn = (c: number) => flow.nodes.filter((n) => n.column === c).length
  const partners = flow.nodes.filter((n) => n.kind === 'partner').length
  return sankeySvg(flow, {
    id: 'flow',
    title: `Flow of money, ${flow.label}`,
    description: flow.totalPence
      ? `${formatPence(flow.totalPence)} in ${flow.label} flows from ${inColumn(0) - partners} funding streams and ${partners} partners through ${inColumn(1)} lead commissioners to ${inColumn(2)} providers. The table before the diagram lists every link.`
      : `No money to show in ${flow.label}.`,
  })
}

/** Every band of the diagram as a row: from, to, the funding stream or partner the money comes from, and its colour. */
function flowRows(flow: FlowOfYear) {
  const labels = new Map(flow.nodes.map((n) => [n.id, n.label]))
  const { colourOf, legend } = flowColours(flow)
  const colourName = new Map(legend.map((entry) => [entry.hex, entry.name]))
  return flow.links.map((l) => ({
    from: labels.get(l.source) ?? '',
    to: labels.get(l.target) ?? '',
    origin: labels.get(l.origin) ?? '',
    colour: colourName.get(colourOf.get(l.origin) ?? '') ?? '',
    pence: l.pence,
    ceilingPence: l.ceilingPence,
  }))
}

function chartView(data: SpendByYear, period: string) {
  const id = `chart-${data.dimension}`
  const title = `${TITLES[data.dimension]}, ${period}`
  const largest = data.series[0]
  return {
    id,
    title,
    data,
    svg: stackedColumnsSvg({
      id,
      title,
      description: data.series.length
        ? `Stacked columns of one-off spend for each financial year, totalling ${formatPence(data.totalPence)}. The largest is ${largest!.label} with ${formatPence(largest!.totalPence)}. The table that follows gives every figure.`
        : 'No spend to show.',
      columns: data.years.map((y) => y.label),
      series: data.series.map((s) => ({ label: s.label, values: s.byYear })),
    }),
  }
}
