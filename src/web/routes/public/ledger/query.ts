import type { Request } from 'express'
import { z } from 'zod'
import { PROCUREMENT_ROUTES } from '../../../../domain/decision.ts'
import { SERVICE_TYPES } from '../../../../domain/service-types.ts'
import { LEDGER_SORTS, type LedgerFilter, type LedgerOrder } from '../../../../db/repositories/ledger/ledger.ts'
import type { FieldErrors } from '../../../validation.ts'
import { FormError } from '../../../../services/shared/form-error.ts'

const id = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined
      if (!/^\d{1,15}$/.test(value)) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return Number(value)
    })

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined
      if (!(values as readonly string[]).includes(value)) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return value as T[number]
    })

export const ledgerQuery = z.object({
  provider: id('Choose a provider from the list'),
  year: id('Choose a financial year from the list').refine((y) => y === undefined || (y >= 1990 && y <= 2100), { message: 'Choose a financial year from the list' }),
  stream: id('Choose a funding stream from the list'),
  area: id('Choose an area from the list'),
  type: optionalEnum(SERVICE_TYPES, 'Choose a service type from the list'),
  route: optionalEnum(PROCUREMENT_ROUTES, 'Choose a procurement route from the list'),
  lead: id('Choose a lead commissioner from the list'),
  partner: id('Choose a partner from the list'),
  service: id('Choose a service'),
  sort: optionalEnum(LEDGER_SORTS, 'Choose a column to sort by'),
  dir: optionalEnum(['asc', 'desc'] as const, 'Sort order must be ascending or descending'),
  page: id('Page must be a whole number from 1').refine((p) => p === undefined || (p >= 1 && p <= 100000), { message: 'Page must be a whole number from 1' }),
  view: optionalEnum(['awards', 'years'] as const, 'Choose awards or years'),
})

export type LedgerQuery = z.infer<typeof ledgerQuery>

export const FILTER_KEYS = ['provider', 'year', 'stream', 'area', 'type', 'route', 'lead', 'partner', 'service'] as const

export function one(value: unknown): string | undefined {
  if (Array.isArray(value)) return one(value[0])
  return typeof value === 'string' ? value : undefined
}

/** The query string as a valid ledger query; fields that are not valid are dropped and explained. */
export function readLedgerQuery(req: Request): { query: LedgerQuery; errors: FieldErrors } {
  const raw = Object.fromEntries(Object.keys(ledgerQuery.shape).map((key) => [key, one(req.query[key])]))
  const parsed = ledgerQuery.safeParse(raw)
  if (parsed.success) return { query: parsed.data, errors: {} }
  const errors: FieldErrors = FormError.fromZod(parsed.error).errors
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([key]) => !(key in errors)))
  return { query: ledgerQuery.parse(cleaned), errors }
}

export function toFilter(query: LedgerQuery): LedgerFilter {
  return {
    providerId: query.provider,
    year: query.year,
    streamId: query.stream,
    areaId: query.area,
    serviceType: query.type,
    route: query.route,
    leadId: query.lead,
    serviceId: query.service,
  }
}

/** The filter of the partner contributions beside the awards: the ledger's, and the partner. */
export function toContributionFilter(query: LedgerQuery): LedgerFilter & { partnerId?: number } {
  return { ...toFilter(query), partnerId: query.partner }
}

export function toOrder(query: LedgerQuery): LedgerOrder {
  const sort = query.sort ?? 'date'
  return { sort, direction: query.dir ?? (sort === 'date' || sort === 'amount' ? 'desc' : 'asc') }
}

/** The address of the ledger with these query values (empty ones left out). */
export function ledgerHref(path: string, values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, String(value))
  const text = params.toString()
  return text ? `${path}?${text}` : path
}
