import type { Response } from 'express'
import { scopeOf } from '../../../auth.ts'

/** Staff edit the records of a service of their own office, or of one that belongs to no office. */
export function mayEditService(res: Response, officeId: number | null): boolean {
  return officeId === null || scopeOf(res).includes(officeId)
}
