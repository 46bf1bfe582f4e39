import type { Express } from 'express'
import nunjucks from 'nunjucks'
import { fileURLToPath } from 'node:url'
import { CLASSIFICATION_LABELS, KIND_LABELS, ROUTE_LABELS, STATUS_LABELS, LINK_LABELS } from '../domain/decision.ts'
import { formatPence } from '../domain/money.ts'
import { isolateBidi } from '../domain/bidi.ts'
import { formatUkDate } from '../domain/uk-date.ts'

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
  env.addFilter('ukDate', (iso: string | null | undefined) => formatUkDate(iso))
  env.addFilter('kindLabel', (kind: keyof typeof KIND_LABELS) => KIND_LABELS[kind] ?? kind)
  env.addFilter('statusLabel', (status: keyof typeof STATUS_LABELS) => STATUS_LABELS[status] ?? status)
  env.addFilter('classificationLabel', (c: keyof typeof CLASSIFICATION_LABELS) => CLASSIFICATION_LABELS[c] ?? c)
  env.addFilter('routeLabel', (route: keyof typeof ROUTE_LABELS | null) =>
    route ? (ROUTE_LABELS[route] ?? route) : '',
  )
  env.addFilter('linkLabel', (kind: keyof typeof LINK_LABELS) => LINK_LABELS[kind] ?? kind)
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
