import type { Response } from 'express'
import type { PublicOffice } from '../../../../services/offices/public-offices.ts'
import type { PublicRegister } from '../../../../services/open-data/index.ts'

/**
 * The public register a request is in: the national register (every office) or one office's register at
 * /offices/{slug} (that office and its predecessors). Every public controller reads its filter and the base of
 * its addresses from here, so one set of controllers serves both.
 */
export function registerOffice(res: Response): PublicOffice | undefined {
  return res.locals.registerOffice as PublicOffice | undefined
}

/** The offices whose records the register shows, or undefined for every office. */
export function registerOffices(res: Response): number[] | undefined {
  return registerOffice(res)?.offices
}

/** Whether a record of this office belongs in the request's register. */
export function inRegister(res: Response, officeId: number | null | undefined): boolean {
  const offices = registerOffices(res)
  return offices === undefined || (officeId !== null && officeId !== undefined && offices.includes(officeId))
}

/** What open data needs of an office's register (its offices, addresses and name), or undefined for the national one. */
export function openDataRegister(res: Response): PublicRegister | undefined {
  const office = registerOffice(res)
  return office ? { offices: office.offices, base: registerBase(res), name: office.name } : undefined
}

/** The start of the register's addresses: '' for the national register, '/offices/{slug}' for an office's. */
export function registerBase(res: Response): string {
  return typeof res.locals.base === 'string' ? res.locals.base : ''
}
