import { z } from 'zod'
import {
  CLASSIFICATIONS,
  DECISION_KINDS,
  DECISION_STATUSES,
  LINK_KINDS,
  PROCUREMENT_ROUTES,
} from '../../../domain/decision.ts'
import { ORGANISATION_KINDS } from '../../../domain/organisation.ts'

/**
 * The API's response shapes. Every response is parsed through one of these before it is sent, so a field
 * not declared here never leaves the server; the OpenAPI document is generated from the same schemas.
 */
export const registry = z.registry<{ id: string; description?: string }>()

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ description: 'A date, YYYY-MM-DD.' })
export const pounds = z.number().meta({ description: 'An amount in pounds sterling, to the penny.' })
const ref = z.object({ id: z.number().int(), name: z.string() })

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ parameter: z.string(), detail: z.string() })).optional(),
  })
  .register(registry, { id: 'Problem', description: 'An RFC 9457 problem description.' })

export const Award = z
  .object({
    id: z.number().int(),
    grantId: z.string().meta({ description: 'The same award’s identifier in the 360Giving export.' }),
    decision: z.object({ id: z.number().int(), reference: z.string().nullable(), title: z.string() }),
    recipient: z.object({ id: z.number().int().nullable(), name: z.string(), slug: z.string().nullable() }),
    amount: pounds,
    perAnnum: z.boolean(),
    upTo: z.boolean(),
    periodLabel: z.string().nullable(),
    periodStart: isoDate.nullable(),
    periodEnd: isoDate.nullable(),
    financialYear: z.number().int().nullable(),
    route: z.enum(PROCUREMENT_ROUTES).nullable(),
    routeJustification: z.string().nullable(),
    via: ref.nullable().meta({ description: 'The lead commissioner the money is paid through.' }),
    fundingStream: z.object({ id: z.number().int(), name: z.string(), slug: z.string() }).nullable(),
    service: z.object({ id: z.number().int(), name: z.string(), slug: z.string() }).nullable(),
    purpose: z.string().nullable(),
    condition: z.string().nullable(),
    committed: pounds.meta({
      description:
        'What the award commits, in pounds: a one-off sum once, a yearly amount once a financial year of its period.',
    }),
    paid: pounds.meta({
      description: 'What the office’s published spending over £500 paid against the award, in pounds.',
    }),
  })
  .register(registry, { id: 'Award' })

export const DecisionSummary = z
  .object({
    id: z.number().int(),
    reference: z.string().nullable(),
    slug: z.string().nullable(),
    url: z.string().nullable(),
    title: z.string(),
    kind: z.enum(DECISION_KINDS),
    status: z.enum(DECISION_STATUSES),
    classification: z.enum(CLASSIFICATIONS),
    exemption: z
      .string()
      .nullable()
      .meta({ description: 'For a confidential decision, the exemption it is withheld under.' }),
    office: ref,
    date: isoDate.nullable(),
    dateDecided: isoDate.nullable(),
    datePublished: isoDate.nullable(),
    summary: z.string().nullable(),
    statedTotal: pounds.nullable(),
    statedTotalPerAnnum: z.boolean(),
  })
  .register(registry, {
    id: 'DecisionSummary',
    description: 'A decision in a list. A confidential decision is a stub: no summary, no total.',
  })

export const Decision = DecisionSummary.extend({
  decisionText: z.string().nullable(),
  sections: z.array(
    z.object({
      heading: z.string(),
      body: z.string().nullable(),
      withheld: z.boolean(),
      exemption: z.string().nullable(),
    }),
  ),
  awards: z.array(Award),
  contributions: z.array(
    z.object({
      organisation: z.object({ id: z.number().int().nullable(), name: z.string() }),
      amount: pounds,
      perAnnum: z.boolean(),
      upTo: z.boolean(),
      financialYear: z.number().int().nullable(),
      condition: z.string().nullable(),
    }),
  ),
  areas: z.array(z.object({ id: z.number().int(), name: z.string(), slug: z.string() })),
  signOffs: z.array(
    z.object({
      stage: z.string(),
      outcome: z.string(),
      signerName: z.string().nullable(),
      signerTitle: z.string().nullable(),
      signedOn: isoDate,
    }),
  ),
  links: z.array(
    z.object({
      kind: z.enum(LINK_KINDS),
      direction: z.enum(['to', 'from']),
      id: z.number().int(),
      reference: z.string().nullable(),
      title: z.string(),
    }),
  ),
}).register(registry, {
  id: 'Decision',
  description: 'One decision. A withheld section has its heading and exemption but no body.',
})

export const Organisation = z
  .object({
    id: z.number().int(),
    name: z.string(),
    slug: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    orgId: z.string().nullable(),
    charityNumber: z.string().nullable(),
    companyNumber: z.string().nullable(),
    website: z.string().nullable(),
    aliases: z.array(z.string()),
  })
  .register(registry, { id: 'Organisation' })

const namedRef = z.object({ id: z.number().int(), name: z.string(), slug: z.string() })

export const Service = z
  .object({
    id: z.number().int(),
    name: z.string(),
    slug: z.string(),
    serviceType: z.string(),
    description: z.string().nullable(),
    office: ref.nullable(),
    leadCommissioner: ref.nullable(),
    decision: z.object({ id: z.number().int(), reference: z.string().nullable() }).nullable(),
    predecessorId: z.number().int().nullable(),
    startDate: isoDate.nullable(),
    endDate: isoDate.nullable(),
    extensionMonths: z.number().int().nullable(),
    extensionTakenMonths: z.number().int(),
    breakNoticeMonths: z.number().int().nullable(),
    areas: z.array(namedRef),
    providers: z.array(namedRef),
  })
  .register(registry, { id: 'Service' })

export const FundingStream = z
  .object({
    id: z.number().int(),
    name: z.string(),
    slug: z.string(),
    office: ref.nullable(),
    funder: ref.nullable(),
    description: z.string().nullable(),
    conditions: z.string().nullable(),
    matchFundingRequired: z.boolean(),
  })
  .register(registry, { id: 'FundingStream' })

export const Disclosure = z
  .object({
    id: z.number().int(),
    reference: z.string(),
    office: ref,
    summary: z.string().nullable(),
    receivedOn: isoDate,
    answeredOn: isoDate.nullable(),
    publishedOn: isoDate.nullable(),
    outcome: z.string().nullable(),
    questions: z.array(
      z.object({
        position: z.number().int(),
        question: z.string(),
        answer: z.string().nullable(),
        exemption: z.string().nullable(),
      }),
    ),
  })
  .register(registry, {
    id: 'Disclosure',
    description: 'An answered FOI request in the disclosure log. The requester is never shown.',
  })

export const StaffDecision = z
  .object({
    id: z.number().int(),
    reference: z.string().nullable(),
    title: z.string(),
    kind: z.enum(DECISION_KINDS),
    status: z.enum(DECISION_STATUSES),
    reviewStatus: z.enum(['reviewed', 'unreviewed']),
    classification: z.enum(CLASSIFICATIONS),
    officeId: z.number().int(),
    dateReceived: isoDate.nullable(),
    dateDecided: isoDate.nullable(),
    datePublished: isoDate.nullable(),
    sourceDocumentId: z.number().int().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .register(registry, { id: 'StaffDecision' })

export const StoredDocument = z
  .object({
    id: z.number().int(),
    decisionId: z.number().int().meta({
      description: 'The imported record made from the document, awaiting review at /staff/imports/{decisionId}.',
    }),
    sha256: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    sizeBytes: z.number().int(),
    created: z.boolean(),
  })
  .register(registry, {
    id: 'StoredDocument',
    description: '`created` is false when the same bytes were imported before.',
  })

/** A page of a list, newest first. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
      links: z.object({ next: z.string().nullable() }),
    })
    .register(registry, { id })
}
