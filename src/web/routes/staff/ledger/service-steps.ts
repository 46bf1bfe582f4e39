import { z } from 'zod'
import { SERVICE_TYPES } from '../../../../domain/service-types.ts'
import { labelledWords } from '../../../../domain/words.ts'
import type { ServiceRecord } from '../../../../services/ledger/commissioning-records.ts'
import { poundsField, requiredText } from '../../../../services/shared/form-fields.ts'
import { ukDateInput, type DateParts } from '../foi/form.ts'

/** The question pages of a service, in order; check answers follows the last. */
export const { words: SERVICE_STEPS, labels: STEP_TITLES } = labelledWords({
  details: 'About the service',
  areas: 'Areas served',
  providers: 'Providers and lead commissioner',
  partners: 'Partners’ contributions',
  dates: 'Term of the contract',
  predecessor: 'The contract it replaces',
})
export type ServiceStep = (typeof SERVICE_STEPS)[number]

export function emptyRecord(officeId: number | null): ServiceRecord {
  return {
    officeId,
    name: '',
    serviceType: '',
    description: null,
    areaIds: [],
    providerIds: [],
    leadCommissionerId: null,
    partners: [],
    startDate: null,
    endDate: null,
    extensionMonths: null,
    extensionText: null,
    breakNoticeMonths: null,
    predecessorId: null,
  }
}

/** A checkbox group's values: none, one (a string) or several (an array). */
export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String).filter(Boolean)
  return typeof value === 'string' && value ? [value] : []
}

const ids = z.array(z.string().regex(/^\d{1,15}$/, { message: 'Choose from the list' })).transform((v) => v.map(Number))
const optionalId = z
  .string()
  .regex(/^(\d{1,15})?$/, { message: 'Choose from the list' })
  .transform((v) => (v ? Number(v) : null))
const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} must be ${max} characters or fewer` })
    .transform((v) => v || null)
const months = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^(\d{1,3})?$/, { message: `${label} must be a whole number of months, like 24` })
    .transform((v) => (v === '' ? null : Number(v)))
/** A date input that may be left blank. */
export const optionalDate = (label: string) =>
  z.object({ day: z.string(), month: z.string(), year: z.string() }).transform((parts: DateParts, ctx) => {
    if (!parts.day && !parts.month && !parts.year) return null
    const parsed = ukDateInput(label).safeParse(parts)
    if (parsed.success) return parsed.data
    ctx.addIssue({ code: 'custom', message: parsed.error.issues[0]!.message })
    return z.NEVER
  })

export const stepSchemas = {
  details: z.object({
    name: requiredText(200, 'Enter the service’s name', 'Name must be 200 characters or fewer'),
    serviceType: z.enum(SERVICE_TYPES, { message: 'Choose the type of service' }),
    description: text(2000, 'Description'),
  }),
  areas: z.object({ areaIds: ids.refine((v) => v.length > 0, { message: 'Choose at least one area served' }) }),
  providers: z.object({
    providerIds: ids.refine((v) => v.length > 0, { message: 'Choose at least one provider' }),
    leadCommissionerId: optionalId,
  }),
  partner: z.object({
    organisationId: z
      .string()
      .regex(/^\d{1,15}$/, { message: 'Choose the partner' })
      .transform(Number),
    amount: poundsField('Amount a year'),
    upTo: z.enum(['yes', 'no'], { message: 'Choose whether this is an exact amount or a ceiling' }),
    condition: text(500, 'Condition'),
  }),
  dates: z
    .object({
      startDate: optionalDate('start date'),
      endDate: optionalDate('end date'),
      extensionMonths: months('Extension options'),
      extensionText: text(300, 'How the extension may be taken'),
      breakNoticeMonths: months('Break clause notice'),
    })
    .refine((v) => !v.startDate || !v.endDate || v.endDate >= v.startDate, {
      message: 'The end date must be the same as or after the start date',
      path: ['endDate'],
    }),
  predecessor: z.object({ predecessorId: optionalId }),
}

/** The form's body read into what each step's schema expects. */
export function stepInput(step: ServiceStep | 'partner', body: Record<string, unknown>): Record<string, unknown> {
  const str = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '')
  const date = (name: string) => ({ day: str(`${name}-day`), month: str(`${name}-month`), year: str(`${name}-year`) })
  switch (step) {
    case 'areas':
      return { areaIds: listOf(body.areaIds) }
    case 'providers':
      return { providerIds: listOf(body.providerIds), leadCommissionerId: str('leadCommissionerId') }
    case 'dates':
      return {
        startDate: date('startDate'),
        endDate: date('endDate'),
        extensionMonths: str('extensionMonths'),
        extensionText: str('extensionText'),
        breakNoticeMonths: str('breakNoticeMonths'),
      }
    case 'predecessor':
      return { predecessorId: str('predecessorId') }
    case 'partner':
      return {
        organisationId: str('organisationId'),
        amount: str('amount'),
        upTo: str('upTo'),
        condition: str('condition'),
      }
    default:
      return { name: str('name'), serviceType: str('serviceType'), description: str('description') }
  }
}

/** Whether the steps before `step` are answered, so a page is not reached with its earlier answers missing. */
export function firstUnanswered(record: ServiceRecord): ServiceStep | null {
  if (!record.name || !record.serviceType) return 'details'
  if (!record.areaIds.length) return 'areas'
  if (!record.providerIds.length) return 'providers'
  return null
}
