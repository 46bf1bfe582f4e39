import type { Request } from 'express'
import type { z } from 'zod'
import type { Page } from '../../../services/open-data/api/page.ts'
import type { Services } from '../../../services/index.ts'
import type { TokenHolder, TokenScope } from '../../../services/accounts/api-tokens.ts'
import type { OfficeScope } from '../../../domain/office-scope.ts'
import type { Role } from '../../../domain/roles.ts'
import { encodeCursor } from './cursor.ts'

export interface EndpointContext<Q, P> {
  services: Services
  query: Q
  params: P
  /** Where the page starts (decoded from the cursor). */
  after: number | undefined
  holder: TokenHolder | null
  /** The offices the token's holder may reach with the endpoint's role (none, on a public endpoint). */
  scope: OfficeScope
  req: Request
}

/**
 * One API operation, declared once: the router validates requests and responses with these schemas and
 * the OpenAPI document describes the same schemas.
 */
export interface Endpoint<Q extends z.ZodObject = z.ZodObject, P extends z.ZodObject = z.ZodObject> {
  method: 'get' | 'post'
  /** The address under /api, in OpenAPI form: /v1/decisions/{id}. */
  path: string
  tag: string
  summary: string
  description?: string
  query?: Q
  params?: P
  response: z.ZodType
  successStatus?: number
  /** Staff endpoints: the scope a bearer token needs. */
  scope?: TokenScope
  /** Staff endpoints: the role the token's holder needs, as on the equivalent staff page. */
  role?: Role
  /** Request body, for the document only (the handler reads it itself). */
  requestBody?: Record<string, unknown>
  /** Takes one uploaded file, the multipart field `file`. */
  upload?: boolean
  handle(context: EndpointContext<z.infer<Q>, z.infer<P>>): Promise<unknown | undefined>
}

export function endpoint<Q extends z.ZodObject, P extends z.ZodObject>(definition: Endpoint<Q, P>): Endpoint {
  return definition as unknown as Endpoint
}

/** A page as the API returns it, with the address of the next page. */
export function listResponse<T>(
  req: Request,
  page: Page<T>,
): { data: T[]; nextCursor: string | null; links: { next: string | null } } {
  const nextCursor = page.nextAfter === null ? null : encodeCursor(page.nextAfter)
  let next: string | null = null
  if (nextCursor) {
    const url = new URL(req.originalUrl, 'http://x')
    url.searchParams.set('cursor', nextCursor)
    next = `${url.pathname}${url.search}`
  }
  return { data: page.items, nextCursor, links: { next } }
}
