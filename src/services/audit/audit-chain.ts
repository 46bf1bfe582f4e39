import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { AuditRow } from './audit.ts'

/** The audit log's head at a moment: how many entries it held and the hash of the last one. Published so that later tampering shows. */
export interface PublishedHead {
  publishedAt: string
  entries: number
  lastEntryId: number | null
  hash: string
}

export type VerifyResult =
  | { ok: true; entries: number; headsChecked: number }
  | { ok: false; entries: number; firstBadId: number | null; reason: string; head?: PublishedHead }

export class PublishedHeadsFileError extends Error {}

const publishedHeadSchema = z.object({
  publishedAt: z.string(),
  entries: z.number().int().nonnegative(),
  lastEntryId: z.number().int().nullable().optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
})

/** Heads saved outside the database (the public page's JSON: an array, or an object with `heads`). */
export function parsePublishedHeads(json: string): PublishedHead[] {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new PublishedHeadsFileError('The heads file is not JSON')
  }
  const list = Array.isArray(value) ? value : (value as { heads?: unknown } | null)?.heads
  const parsed = z.array(publishedHeadSchema).safeParse(list)
  if (!parsed.success)
    throw new PublishedHeadsFileError(
      'The heads file does not hold a list of published heads (publishedAt, entries, hash)',
    )
  return parsed.data.map((h) => ({
    publishedAt: h.publishedAt,
    entries: h.entries,
    lastEntryId: h.lastEntryId ?? null,
    hash: h.hash,
  }))
}

export const describeHead = (head: PublishedHead) =>
  `the head published ${head.publishedAt} (${head.entries} entries, hash ${head.hash.slice(0, 16)}…)`

export const DAY_MS = 24 * 60 * 60 * 1000

export const GENESIS = '0'.repeat(64)

/** Canonical JSON: object keys sorted, so the same entry always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function entryHash(previousHash: string, row: Omit<AuditRow, 'id' | 'hash' | 'previousHash'>): string {
  return createHash('sha256').update(previousHash).update('\n').update(canonical(row)).digest('hex')
}
