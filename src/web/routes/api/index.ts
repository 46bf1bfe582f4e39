import express, { Router, type NextFunction, type Request, type Response } from 'express'
import multer from 'multer'
import { loadConfig } from '../../../config.ts'
import { logger } from '../../../logger.ts'
import type { Services } from '../../../services/index.ts'
import { abandonResponse } from '../../errors.ts'
import { requireToken } from './bearer.ts'
import { decodeCursor } from './cursor.ts'
import type { Endpoint } from './endpoint.ts'
import { OfficeScope } from '../../../domain/office-scope.ts'
import { BadRequest } from './bad-request.ts'
import { publicEndpoints } from './public-endpoints.ts'
import { staffEndpoints } from './staff-endpoints.ts'
import { openApiDocument } from './openapi.ts'
import { ApiPageController } from './page.ts'
import {
  documentRefused,
  invalidParameters,
  notFound,
  PROBLEM_TYPES,
  sendProblem,
  type ParameterError,
} from './problem.ts'
import { ImportError } from '../../../services/imports/index.ts'

/** The JSON API under /api: the public read-only API, the staff API, its OpenAPI document and its page. */
export function apiRoutes(services: Services, options: { maxUploadBytes?: number } = {}): Router {
  const router = Router()
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: options.maxUploadBytes ?? loadConfig().maxUploadBytes, files: 1 },
  })
  router.get('/', new ApiPageController(services).get)
  router.get('/openapi.json', (_req, res) => {
    res.set('Access-Control-Allow-Origin', '*').json(openApiDocument(services.openData.baseUrl))
  })
  for (const endpoint of publicEndpoints) {
    router[endpoint.method](expressPath(endpoint.path), openAccess, handler(services, endpoint))
  }
  for (const endpoint of staffEndpoints) {
    const steps = [
      requireToken(services, endpoint.scope ?? 'read', endpoint.role),
      ...(endpoint.upload ? [upload.single('file')] : []),
      handler(services, endpoint),
    ]
    router[endpoint.method](expressPath(endpoint.path), ...steps)
  }
  router.use(express.json({ limit: '1kb' }))
  router.use((_req: Request, res: Response) => notFound(res))
  router.use((error: Error & { status?: number; code?: string }, req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof multer.MulterError) {
      const tooLarge = error.code === 'LIMIT_FILE_SIZE'
      sendProblem(res, {
        type: tooLarge ? PROBLEM_TYPES.tooLarge : PROBLEM_TYPES.invalidBody,
        title: tooLarge ? 'The document is too large' : 'The upload is not valid',
        status: tooLarge ? 413 : 400,
        detail: error.message,
      })
      return
    }
    if (res.headersSent) return abandonResponse(req, res, error)
    if (error.status && error.status >= 400 && error.status < 500) {
      sendProblem(res, {
        type: PROBLEM_TYPES.invalidBody,
        title: 'The request is not valid',
        status: error.status,
        detail: error.message,
      })
      return
    }
    logger.error('API request failed', { requestId: res.locals.requestId, path: req.path, error: error.message })
    sendProblem(res, {
      type: PROBLEM_TYPES.serverError,
      title: 'Something went wrong',
      status: 500,
      detail: `The request could not be answered. Quote request id ${String(res.locals.requestId)} if you report it.`,
    })
  })
  return router
}

function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1')
}

function openAccess(_req: Request, res: Response, next: NextFunction): void {
  res.set({ 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'public, max-age=30' })
  next()
}

function handler(services: Services, endpoint: Endpoint) {
  return async (req: Request, res: Response): Promise<void> => {
    const errors: ParameterError[] = []
    const raw: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(req.query)) {
      if (Array.isArray(value)) errors.push({ parameter: key, detail: 'must be given once' })
      else raw[key] = value
    }
    const query = endpoint.query
      ? endpoint.query.safeParse(raw)
      : Object.keys(raw).length
        ? null
        : { success: true as const, data: {} }
    if (query === null)
      errors.push(
        ...Object.keys(raw).map((parameter) => ({ parameter, detail: 'is not a parameter of this endpoint' })),
      )
    else if (!query.success) errors.push(...parameterErrors(query.error.issues))
    const params = endpoint.params ? endpoint.params.safeParse(req.params) : { success: true as const, data: {} }
    if (!params.success) errors.push(...parameterErrors(params.error.issues))
    let after: number | undefined
    const cursor = typeof raw.cursor === 'string' && endpoint.query?.shape.cursor ? raw.cursor : undefined
    if (cursor !== undefined) {
      after = decodeCursor(cursor) ?? undefined
      if (after === undefined)
        errors.push({
          parameter: 'cursor',
          detail: 'is not a cursor this API gave out: use nextCursor from the page before',
        })
    }
    if (errors.length || !query?.success || !params.success) return invalidParameters(res, errors)
    const scope = res.locals.scope ?? OfficeScope.none
    const office = (query.data as { office?: unknown }).office
    if (endpoint.scope && typeof office === 'number' && !scope.includes(office))
      return sendProblem(res, {
        type: PROBLEM_TYPES.forbidden,
        title: 'The token may not reach this office',
        status: 403,
        detail: 'The token’s holder does not work for this office with the role this endpoint needs.',
      })
    try {
      const result = await endpoint.handle({
        services,
        query: query.data,
        params: params.data,
        after,
        holder: res.locals.tokenHolder ?? null,
        scope,
        req,
      })
      if (result === undefined) return notFound(res, 'There is no public record with this id.')
      res.status(endpoint.successStatus ?? 200).json(endpoint.response.parse(result))
    } catch (error) {
      if (error instanceof BadRequest)
        return invalidParameters(res, [{ parameter: error.parameter, detail: error.detail }])
      if (error instanceof ImportError) return documentRefused(res, error)
      throw error
    }
  }
}

function parameterErrors(
  issues: Array<{ code: string; path: PropertyKey[]; message: string; keys?: string[] }>,
): ParameterError[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? (issue.keys ?? []).map((parameter) => ({ parameter, detail: 'is not a parameter of this endpoint' }))
      : [{ parameter: String(issue.path[0] ?? ''), detail: issue.message }],
  )
}
