import { z } from 'zod'

/** Query parameter schemas shared by the endpoints. Each says in its message what a good value is. */
export const MAX_LIMIT = 100

export const limit = z.coerce
  .number({ message: `must be a whole number from 1 to ${MAX_LIMIT}` })
  .int({ message: `must be a whole number from 1 to ${MAX_LIMIT}` })
  .min(1, { message: `must be a whole number from 1 to ${MAX_LIMIT}` })
  .max(MAX_LIMIT, { message: `must be a whole number from 1 to ${MAX_LIMIT}` })
  .default(25)
  .meta({ description: `How many items a page holds (at most ${MAX_LIMIT}).` })

export const cursor = z
  .string()
  .optional()
  .meta({ description: 'Where the page starts: the `nextCursor` of the page before. Omit it for the first page.' })

export const id = (what: string) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .positive({ message: 'must be a whole number from 1' })
    .max(Number.MAX_SAFE_INTEGER, { message: `must be a whole number from 1 to ${Number.MAX_SAFE_INTEGER}` })
    .meta({ description: what })

export const optionalId = (what: string) => id(what).optional()

export const financialYear = z.coerce
  .number({ message: 'must be the starting year of a financial year, like 2024 for 2024/25' })
  .int({ message: 'must be the starting year of a financial year, like 2024 for 2024/25' })
  .min(1990, { message: 'must be a year from 1990 to 2100' })
  .max(2100, { message: 'must be a year from 1990 to 2100' })
  .optional()
  .meta({ description: 'Financial year by the year it starts: 2024 means 1 April 2024 to 31 March 2025.' })

export const idOrSlug = (what: string) =>
  z
    .string()
    .regex(/^(\d+|[a-z0-9]+(-[a-z0-9]+)*)$/, {
      message: 'must be an id (a whole number) or a slug (lower-case words joined by hyphens)',
    })
    .refine((value) => !/^\d+$/.test(value) || Number(value) <= Number.MAX_SAFE_INTEGER, {
      message: `must be an id from 1 to ${Number.MAX_SAFE_INTEGER} or a slug`,
    })
    .max(200)
    .optional()
    .meta({ description: `${what}, by id or by slug.` })

export const searchWords = z
  .string()
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(200, { message: 'must be 200 characters or fewer' })
  .optional()
  .meta({ description: 'Search words.' })

/** The query of a list endpoint: its filters, then the cursor and page size every list takes. */
export const listQuery = <Filters extends z.ZodRawShape>(filters: Filters) =>
  z.strictObject({ ...filters, cursor, limit })
