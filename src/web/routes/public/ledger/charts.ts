import type { Request, Response } from 'express'
import { financialYear } from '../../../../domain/financial-year.ts'
import { formatPence } from '../../../../domain/money.ts'
import type { SpendByYear } from '../../../../services/ledger/charts.ts'
import type { Services } from '../../../../services/index.ts'
import { sankeySvg } from '../../../charts/sankey.ts'
import { stackedColumnsSvg } from '../../../charts/stacked-columns.ts'
import { errorList, type FieldErrors } from '../../../validation.ts'
import { one } from './query.ts'
import { registerOffices } from '../offices/register-context.ts'

const TITLES = { serviceType: 'Spend by service type', provider: 'Spend by provider', area: 'Spend by area' } as const

/** Pictures of the ledger, drawn on the server as SVG, each with its figures in a table beside it. */
export class ChartsController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const yearText = one(req.query.year)?.trim()
    const errors: FieldErrors = {}
    const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined
    if (yearText && year === undefined) errors.year = 'Choose a financial year from the list'
    const filter = { year, offices: registerOffices(res) }
    const [serviceType, provider, area, flow, options] = await Promise.all([
      this.services.charts.spendByYear('serviceType', filter),
      this.services.charts.spendByYear('provider', filter),
      this.services.charts.spendByYear('area', filter),
      this.services.charts.flow(filter),
      this.services.ledger.options(),
    ])
    const period = year === undefined ? 'every financial year' : financialYear(year).label
    const charts = [serviceType, provider, area].map((data) => chartView(data, period))
    const labels = new Map(flow.nodes.map((n) => [n.id, n.label]))
    res.status(errors.year ? 400 : 200).render('pages/public/ledger/charts', {
      errors,
      errorList: errorList(errors),
      year,
      period,
      years: options.years,
      charts,
      flow: {
        svg: sankeySvg(flow, {
          id: 'flow',
          title: `Flow of money, ${period}`,
          description: `One-off sums totalling ${formatPence(flow.totalPence)} flow from ${flow.nodes.filter((n) => n.column === 0).length} funding streams through ${flow.nodes.filter((n) => n.column === 1).length} offices and ${flow.nodes.filter((n) => n.column === 2).length} lead commissioners to ${flow.nodes.filter((n) => n.column === 3).length} providers. The table that follows lists every link.`,
        }),
        links: flow.links.map((l) => ({ from: labels.get(l.source), to: labels.get(l.target), pence: l.pence, stage: l.source.split(':')[0] })),
        totalPence: flow.totalPence,
      },
    })
  }
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
