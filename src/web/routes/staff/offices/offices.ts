import type { NextFunction, Request, Response } from 'express'
import { AccountError } from '../../../../services/accounts/accounts.ts'
import type { Services } from '../../../../services/index.ts'
import { DECISION_MAKER_TITLES } from '../../../../services/offices/settings.ts'
import { FormError } from '../../../../services/shared/form-error.ts'
import { actorOf, scopeOf } from '../../../auth.ts'
import { errorList, savedOrRefused } from '../../../validation.ts'
import { dateParts, partsOf, ukDateInput } from '../foi/form.ts'

const text = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name]
  return typeof value === 'string' ? value : ''
}

/** Only a deployment administrator reaches these pages; an office's administrator is refused. */
export function requireDeploymentAdmin(_req: Request, res: Response, next: NextFunction): void {
  if (scopeOf(res).allOffices) return next()
  res.status(403).render('pages/forbidden')
}

/** The deployment administrator's pages: the offices, adding one, appointing its first administrator, recording a successor. */
export class OfficesController {
  constructor(private readonly services: Services) {}

  list = async (req: Request, res: Response): Promise<void> => {
    const [offices, all] = await Promise.all([
      this.services.offices.list(scopeOf(res)),
      this.services.publicOffices.all(),
    ])
    const successors = new Map(all.map((o) => [o.id, o.successorName]))
    res.render('pages/staff/offices/offices', {
      offices: offices.map((o) => ({ ...o, successorName: successors.get(o.id) ?? null })),
      done: { added: 'Office added', succession: 'Change of governing body recorded' }[String(req.query.done)] ?? null,
    })
  }

  newForm = (_req: Request, res: Response): void => {
    res.render('pages/staff/offices/office-new', { values: {}, titles: DECISION_MAKER_TITLES })
  }

  create = async (req: Request, res: Response): Promise<void> => {
    const values = {
      name: text(req.body, 'name'),
      shortName: text(req.body, 'shortName'),
      decisionMakerTitle: text(req.body, 'decisionMakerTitle'),
    }
    try {
      const office = await this.services.offices.add(values, actorOf(res))
      res.redirect(`/staff/offices/${office.id}/administrator?added=1`)
    } catch (error) {
      if (!(error instanceof FormError)) throw error
      res.status(400).render('pages/staff/offices/office-new', {
        values,
        titles: DECISION_MAKER_TITLES,
        errors: error.errors,
        errorList: errorList(error.errors),
      })
    }
  }

  administratorForm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const office = await this.office(req)
    if (!office) return next()
    res.render('pages/staff/offices/administrator', { office, values: {}, added: req.query.added === '1' })
  }

  appoint = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const office = await this.office(req)
    if (!office) return next()
    const values = { name: text(req.body, 'name').trim(), email: text(req.body, 'email').trim() }
    const errors: Record<string, string> = {}
    if (!values.name) errors.name = 'Enter the administrator’s full name'
    if (!values.email) errors.email = 'Enter the administrator’s email address'
    if (!Object.keys(errors).length) {
      try {
        const { user, password } = await this.services.offices.appointAdministrator(office.id, values, actorOf(res))
        res.render('pages/staff/offices/administrator-appointed', { office, appointed: user, password })
        return
      } catch (error) {
        if (error instanceof AccountError) errors[error.field ?? 'email'] = error.message
        else if (error instanceof FormError) Object.assign(errors, error.errors)
        else throw error
      }
    }
    res
      .status(400)
      .render('pages/staff/offices/administrator', { office, values, errors, errorList: errorList(errors) })
  }

  successionForm = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const office = await this.office(req)
    if (!office) return next()
    const current = await this.services.publicOffices.byId(office.id)
    await this.renderSuccession(res, 200, office, {
      successor: '',
      on: partsOf(current?.successor?.on),
    })
  }

  recordSuccession = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const office = await this.office(req)
    if (!office) return next()
    const values = { successor: text(req.body, 'successor'), on: dateParts(req.body, 'on') }
    const errors: Record<string, string> = {}
    const successorId = /^\d{1,15}$/.test(values.successor) ? Number(values.successor) : null
    if (successorId === null) errors.successor = 'Choose the body the office’s functions passed to'
    const on = ukDateInput('date the functions passed').safeParse(values.on)
    if (!on.success) errors.on = on.error.issues[0]!.message
    const record = () =>
      this.services.publicOffices.recordSuccession(
        { officeId: office.id, successorId: successorId!, on: on.data! },
        actorOf(res),
      )
    if (!Object.keys(errors).length && (await savedOrRefused(errors, record)))
      return res.redirect('/staff/offices?done=succession')
    await this.renderSuccession(res, 400, office, values, errors)
  }

  private async renderSuccession(
    res: Response,
    status: number,
    office: { id: number; name: string },
    values: { successor: string; on: { day: string; month: string; year: string } },
    errors?: Record<string, string>,
  ): Promise<void> {
    const offices = await this.services.offices.list(scopeOf(res))
    res.status(status).render('pages/staff/offices/succession', {
      office,
      values,
      successorItems: [
        { value: '', text: 'Choose a body' },
        ...offices
          .filter((o) => o.id !== office.id)
          .map((o) => ({ value: String(o.id), text: o.name, selected: String(o.id) === values.successor })),
      ],
      errors,
      errorList: errors ? errorList(errors) : undefined,
    })
  }

  private async office(req: Request) {
    const id = String(req.params.id)
    if (!/^\d{1,15}$/.test(id)) return undefined
    return (await this.services.offices.list()).find((o) => o.id === Number(id))
  }
}
