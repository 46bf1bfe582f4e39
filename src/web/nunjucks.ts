import type { Express } from 'express'
import nunjucks from 'nunjucks'
import { fileURLToPath } from 'node:url'
import {
  CLASSIFICATION_LABELS,
  KIND_LABELS,
  LINK_LABELS,
  ROUTE_LABELS,
  STATUS_LABELS,
  type LinkKind,
  linkWording,
} from '../domain/decision.ts'
import { formatPence } from '../domain/money.ts'
import { describeAmount, formatPounds, wholeContractValue } from '../domain/money-words.ts'
import { KIND_SENTENCE, describeKindTotals, type KindTotals } from '../domain/amount-kinds.ts'
import { isolateBidi } from '../domain/bidi.ts'
import { formatPeriod, formatUkDate } from '../domain/uk-date.ts'
import { financialYear } from '../domain/financial-year.ts'

const views = fileURLToPath(new URL('./views', import.meta.url))

export function setUpNunjucks(app: Express, production: boolean): nunjucks.Environment {
  const env = nunjucks.configure(
    [views, 'node_modules/govuk-frontend/dist', 'node_modules/@ministryofjustice/frontend'],
    {
      autoescape: true,
      express: app,
      noCache: !production,
    },
  )
  app.set('view engine', 'njk')
  isolateDirectionalText()
  env.addFilter('money', (pence: number | null | undefined) =>
    pence === null || pence === undefined ? '' : formatPence(pence),
  )
  env.addFilter('pounds', (pence: number | null | undefined) =>
    pence === null || pence === undefined ? '' : formatPounds(pence),
  )
  env.addFilter('amount', (pence: number | null | undefined, perAnnum = false, upTo = false) =>
    pence === null || pence === undefined
      ? ''
      : describeAmount(pence, { perAnnum: Boolean(perAnnum), upTo: Boolean(upTo) }),
  )
  env.addFilter(
    'wholeContract',
    (row: {
      amountPence: number
      perAnnum: boolean
      upTo: boolean
      periodStart: string | null
      periodEnd: string | null
    }) => wholeContractValue(row.amountPence, row, row.periodStart, row.periodEnd)?.text ?? '',
  )
  env.addFilter('kindLines', (totals: KindTotals) => describeKindTotals(totals))
  env.addGlobal('KIND_SENTENCE', KIND_SENTENCE)
  env.addFilter('period', (start: string | null, end: string | null) => formatPeriod(start, end))
  env.addFilter('financialYearLabel', (startYear: number | null) => (startYear ? financialYear(startYear).label : ''))
  env.addFilter('ukDate', (iso: string | null | undefined) => formatUkDate(iso))
  env.addFilter('kindLabel', (kind: keyof typeof KIND_LABELS) => KIND_LABELS[kind] ?? kind)
  env.addFilter('statusLabel', (status: keyof typeof STATUS_LABELS) => STATUS_LABELS[status] ?? status)
  env.addFilter('classificationLabel', (c: keyof typeof CLASSIFICATION_LABELS) => CLASSIFICATION_LABELS[c] ?? c)
  env.addFilter('routeLabel', (route: keyof typeof ROUTE_LABELS | null) =>
    route ? (ROUTE_LABELS[route] ?? route) : '',
  )
  env.addFilter('count', (n: number) => n.toLocaleString('en-GB'))
  env.addFilter('linkLabel', (kind: LinkKind, direction: 'from' | 'to' = 'from') =>
    kind in LINK_LABELS ? linkWording(kind, direction) : kind,
  )
  // The MoJ timeline formats its dates with this filter.
  env.addFilter('mojDate', (timestamp: string, type?: string) =>
    formatTimestamp(timestamp, type === 'date' ? 'date' : 'datetime'),
  )
  return env
}

type SuppressValue = (value: unknown, autoescape: boolean) => unknown
const runtime = (nunjucks as unknown as { runtime: { suppressValue: SuppressValue & { isolating?: true } } }).runtime

/**
 * Every value a template prints passes through the runtime's suppressValue; text carrying direction
 * controls (a title with a right-to-left override, say) is printed inside an isolate so it cannot
 * reorder the page around it.
 */
function isolateDirectionalText(): void {
  if (runtime.suppressValue.isolating) return
  const print = runtime.suppressValue
  const isolating: SuppressValue & { isolating?: true } = (value, autoescape) =>
    print(typeof value === 'string' ? isolateBidi(value) : value, autoescape)
  isolating.isolating = true
  runtime.suppressValue = isolating
}

const LONDON_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})
const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
})

export function formatTimestamp(timestamp: string, type: 'date' | 'datetime'): string {
  const date = new Date(timestamp)
  if (Number.isNaN(date.getTime())) return ''
  const day = LONDON_DATE.format(date)
  return type === 'date' ? day : `${day} at ${LONDON_TIME.format(date).replace(' ', '')}`
}
