import type { Request, Response } from 'express'
import { z } from 'zod'
import type { Services } from '../../../services/index.ts'
import type { Endpoint } from './endpoint.ts'
import { publicEndpoints } from './public-endpoints.ts'
import { staffEndpoints } from './staff-endpoints.ts'
import { PROBLEM_TYPES } from './problem.ts'

interface ParameterView {
  name: string
  where: string
  required: boolean
  description: string
}

function describeEndpoint(endpoint: Endpoint) {
  const parameters: ParameterView[] = []
  for (const [where, object] of [
    ['path', endpoint.params],
    ['query', endpoint.query],
  ] as const) {
    for (const [name, field] of Object.entries(object?.shape ?? {})) {
      const schema = z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }) as {
        description?: string
        enum?: string[]
      }
      const values = schema.enum ? ` One of: ${schema.enum.join(', ')}.` : ''
      parameters.push({
        name,
        where,
        required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        description: `${schema.description ?? ''}${values}`.trim(),
      })
    }
  }
  return {
    method: endpoint.method.toUpperCase(),
    path: `/api${endpoint.path}`,
    summary: endpoint.summary,
    description: endpoint.description,
    scope: endpoint.scope,
    parameters,
  }
}

/** The human-readable description of the API, made from the same declarations as the API itself. */
export class ApiPageController {
  constructor(private readonly services: Services) {}

  get = (_req: Request, res: Response): void => {
    res.render('pages/public/open-data/api', {
      baseUrl: this.services.openData.baseUrl,
      publicEndpoints: publicEndpoints.map(describeEndpoint),
      staffEndpoints: staffEndpoints.map(describeEndpoint),
      problemTypes: Object.values(PROBLEM_TYPES).map((type) => type.split('#')[1]),
    })
  }
}
