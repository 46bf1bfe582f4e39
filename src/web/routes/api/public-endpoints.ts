import { z } from 'zod'
import { DECISION_KINDS, PROCUREMENT_ROUTES } from '../../../domain/decision.ts'
import { ORGANISATION_KINDS } from '../../../domain/organisation.ts'
import { idOrSlug as parseIdOrSlug, type Page } from '../../../services/open-data/api/page.ts'
import type { Services } from '../../../services/index.ts'
import { endpoint, listResponse, type Endpoint, type EndpointContext } from './endpoint.ts'
import * as p from './parameters.ts'
import * as s from './schemas.ts'
import { spendingEndpoints } from './spending-endpoints.ts'

const byId = (what: string) => z.strictObject({ id: p.id(`The ${what}’s id.`) })
const slugFilter = (value: string | undefined) => (value === undefined ? undefined : parseIdOrSlug(value))
const office = p.optionalId('Only this office (its organisation id).')
type OpenData = Services['openData']

/** A public endpoint that returns one record by its id, or 404 when there is none to show. */
function oneById(
  path: string,
  tag: string,
  summary: string,
  what: string,
  response: z.ZodType,
  find: (openData: OpenData, id: number) => Promise<unknown>,
): Endpoint {
  return endpoint({
    method: 'get',
    path,
    tag,
    summary,
    params: byId(what),
    response,
    handle: ({ services, params }) => find(services.openData, params.id),
  })
}

/** A list endpoint's handler: the page of open data it asks for, with the address of the next page. */
function listed<Q>(list: (openData: OpenData, query: Q, after: number | undefined) => Promise<Page<unknown>>) {
  return async ({ services, query, after, req }: EndpointContext<Q, unknown>) =>
    listResponse(req, await list(services.openData, query, after))
}

/** The public, read-only API: open data under the same rules as the public pages. */
export const publicEndpoints: Endpoint[] = [
  endpoint({
    method: 'get',
    path: '/v1/decisions',
    tag: 'Decisions',
    summary: 'Published decisions, newest first',
    description:
      'The filters of the register’s home page. A confidential decision appears as a stub: reference, title, date, status and exemption.',
    query: p.listQuery({
      q: p.searchWords,
      office,
      year: p.financialYear,
      kind: z.enum(DECISION_KINDS).optional(),
    }),
    response: s.pageOf(s.DecisionSummary, 'DecisionPage'),
    handle: listed((openData, query, after) =>
      openData.decisions.list({
        q: query.q,
        officeId: query.office,
        year: query.year,
        kind: query.kind,
        after,
        limit: query.limit,
      }),
    ),
  }),
  oneById(
    '/v1/decisions/{id}',
    'Decisions',
    'One published decision with its public sections, awards, contributions, areas, sign-offs and links',
    'decision',
    s.Decision,
    (openData, id) => openData.decisions.find(id),
  ),
  endpoint({
    method: 'get',
    path: '/v1/awards',
    tag: 'Awards',
    summary: 'Published awards, newest first',
    description:
      'Withheld awards and the awards of confidential decisions are never listed. `year` selects awards whose period touches that financial year, or that are stated for it.',
    query: p.listQuery({
      office,
      year: p.financialYear,
      provider: p.idOrSlug('Only awards to this recipient'),
      via: p.idOrSlug('Only awards paid through this lead commissioner'),
      stream: p.idOrSlug('Only awards from this funding stream'),
      route: z.enum(PROCUREMENT_ROUTES).optional().meta({ description: 'Only awards made by this procurement route.' }),
      decision: p.optionalId('Only the awards of this decision.'),
      service: p.optionalId('Only the awards for this commissioned service.'),
    }),
    response: s.pageOf(s.Award, 'AwardPage'),
    handle: listed((openData, query, after) =>
      openData.awards.list({
        officeId: query.office,
        year: query.year,
        provider: slugFilter(query.provider),
        via: slugFilter(query.via),
        stream: slugFilter(query.stream),
        route: query.route,
        decisionId: query.decision,
        serviceId: query.service,
        after,
        limit: query.limit,
      }),
    ),
  }),
  oneById('/v1/awards/{id}', 'Awards', 'One published award', 'award', s.Award, (openData, id) =>
    openData.awards.find(id),
  ),
  endpoint({
    method: 'get',
    path: '/v1/organisations',
    tag: 'Organisations',
    summary: 'Offices, councils, providers and funders, newest first',
    query: p.listQuery({
      q: p.searchWords,
      kind: z.enum(ORGANISATION_KINDS).optional(),
    }),
    response: s.pageOf(s.Organisation, 'OrganisationPage'),
    handle: listed((openData, query, after) =>
      openData.organisations.list({ q: query.q, kind: query.kind, after, limit: query.limit }),
    ),
  }),
  oneById(
    '/v1/organisations/{id}',
    'Organisations',
    'One organisation',
    'organisation',
    s.Organisation,
    (openData, id) => openData.organisations.find(id),
  ),
  endpoint({
    method: 'get',
    path: '/v1/services',
    tag: 'Commissioned services',
    summary: 'Commissioned services, newest first',
    query: p.listQuery({
      type: z
        .string()
        .regex(/^[a-z_]+$/, { message: 'must be a service type such as idva or refuge' })
        .optional()
        .meta({ description: 'Only services of this type (idva, isva, outreach, refuge, …).' }),
      area: p.idOrSlug('Only services in this area'),
      provider: p.idOrSlug('Only services this organisation provides'),
      lead: p.idOrSlug('Only services led by this commissioner'),
      office,
    }),
    response: s.pageOf(s.Service, 'ServicePage'),
    handle: listed((openData, query, after) =>
      openData.services.list({
        type: query.type,
        area: slugFilter(query.area),
        provider: slugFilter(query.provider),
        lead: slugFilter(query.lead),
        officeId: query.office,
        after,
        limit: query.limit,
      }),
    ),
  }),
  oneById(
    '/v1/services/{id}',
    'Commissioned services',
    'One commissioned service',
    'service',
    s.Service,
    (openData, id) => openData.services.find(id),
  ),
  endpoint({
    method: 'get',
    path: '/v1/funding-streams',
    tag: 'Funding streams',
    summary: 'Funding streams, newest first',
    query: p.listQuery({ office }),
    response: s.pageOf(s.FundingStream, 'FundingStreamPage'),
    handle: listed((openData, query, after) =>
      openData.fundingStreams.list({ officeId: query.office, after, limit: query.limit }),
    ),
  }),
  oneById(
    '/v1/funding-streams/{id}',
    'Funding streams',
    'One funding stream',
    'funding stream',
    s.FundingStream,
    (openData, id) => openData.fundingStreams.find(id),
  ),
  ...spendingEndpoints(),
  endpoint({
    method: 'get',
    path: '/v1/disclosure-log',
    tag: 'Disclosure log',
    summary: 'Answered Freedom of Information requests, newest first',
    description: 'Each with its questions, answers and exemptions. The requester is never part of it.',
    query: p.listQuery({
      q: p.searchWords,
      office,
      year: p.financialYear.meta({ description: 'Published in this financial year (2024 means 2024/25).' }),
    }),
    response: s.pageOf(s.Disclosure, 'DisclosurePage'),
    handle: listed((openData, query, after) =>
      openData.disclosureLog.list({
        q: query.q,
        officeId: query.office,
        year: query.year,
        after,
        limit: query.limit,
      }),
    ),
  }),
  oneById(
    '/v1/disclosure-log/{id}',
    'Disclosure log',
    'One answered Freedom of Information request',
    'request',
    s.Disclosure,
    (openData, id) => openData.disclosureLog.find(id),
  ),
]
