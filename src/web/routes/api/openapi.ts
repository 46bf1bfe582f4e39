import { z } from 'zod'
import type { Endpoint } from './endpoint.ts'
import { publicEndpoints } from './public-endpoints.ts'
import { staffEndpoints } from './staff-endpoints.ts'
import { Problem, registry } from './schemas.ts'

type JsonSchema = Record<string, unknown>

function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema
  return rest
}

const ref = (schema: z.ZodType) => {
  const id = registry.get(schema)?.id
  if (!id) throw new Error('A response schema must be registered with an id')
  return { $ref: `#/components/schemas/${id}` }
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref(Problem) } },
})

function parameters(endpoint: Endpoint): JsonSchema[] {
  const list: JsonSchema[] = []
  for (const [where, object] of [
    ['path', endpoint.params],
    ['query', endpoint.query],
  ] as const) {
    if (!object) continue
    for (const [name, field] of Object.entries(object.shape)) {
      const schema = clean(z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema)
      const { description, ...rest } = schema
      list.push({
        name,
        in: where,
        required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        ...(description ? { description } : {}),
        schema: rest,
      })
    }
  }
  return list
}

function operation(endpoint: Endpoint): JsonSchema {
  const responses: JsonSchema = {
    [String(endpoint.successStatus ?? 200)]: {
      description: 'Success',
      content: { 'application/json': { schema: ref(endpoint.response) } },
    },
    '400': problem('A parameter is not valid: `errors` names each one'),
  }
  if (endpoint.params) responses['404'] = problem('There is no such public record')
  if (endpoint.scope) {
    responses['401'] = problem('No token, or a token that is unknown or revoked')
    responses['403'] = problem('The token’s scope does not allow this')
  }
  return {
    tags: [endpoint.tag],
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    operationId: `${endpoint.method}${endpoint.path
      .replace(/\/v1/, '')
      .replace(/[{}]/g, '')
      .split(/[/-]/)
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('')}`,
    parameters: parameters(endpoint),
    ...(endpoint.requestBody ? { requestBody: endpoint.requestBody } : {}),
    ...(endpoint.scope ? { security: [{ personalAccessToken: [endpoint.scope] }] } : {}),
    responses,
  }
}

/** The OpenAPI 3.1 description of the API, generated from the schemas the handlers validate with. */
export function openApiDocument(baseUrl: string): JsonSchema {
  const paths: Record<string, JsonSchema> = {}
  for (const endpoint of [...publicEndpoints, ...staffEndpoints]) {
    paths[endpoint.path] = { ...(paths[endpoint.path] ?? {}), [endpoint.method]: operation(endpoint) }
  }
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, JsonSchema>
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Commissioning Register API',
      version: '1.0.0',
      description:
        'Published commissioning decisions, awards, organisations, commissioned services, funding streams and the FOI disclosure log, as open data. Lists are newest first, a page at a time: follow `links.next`. Money is in pounds; dates are YYYY-MM-DD. The staff API needs a personal access token.',
      license: {
        name: 'Open Government Licence v3.0',
        url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
      },
    },
    servers: [{ url: `${baseUrl}/api` }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, clean(schema)])),
      securitySchemes: {
        personalAccessToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal access token made at /staff/tokens, scoped read or write.',
        },
      },
    },
  }
}
