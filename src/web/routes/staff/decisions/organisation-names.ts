import type { Request, Response } from 'express'
import type { OrganisationPick } from '../../../../services/decisions/draft-part-types.ts'
import type { Services } from '../../../../services/index.ts'
import type { FieldErrors } from '../../../validation.ts'
import { field } from './part-fields.ts'
import type { Body } from './forms.ts'

/** A name the register does not know: the officer is asked whether they meant a known one, or it is new. */
export interface NameQuestion {
  field: string
  label: string
  name: string
  lookalikes: Array<{ id: number; name: string }>
}

/**
 * The organisation a form names: by the answer to "Did you mean …?" when one was given (`{field}Confirm`:
 * an id, or "new"), else by its exact name or alias. A name matching none needs that question asked.
 */
export async function resolveOrganisation(
  services: Services,
  body: Body,
  name: string,
  label: string,
): Promise<{ pick: OrganisationPick } | { question: NameQuestion; errors: FieldErrors }> {
  const typed = field(body, name)
  const confirm = field(body, `${name}Confirm`)
  if (confirm === 'new') return { pick: { newName: typed } }
  if (/^\d{1,15}$/.test(confirm)) return { pick: { id: Number(confirm) } }
  const found = await services.workflow.matchOrganisation(typed)
  if ('match' in found) return { pick: { id: found.match.id } }
  const question = { field: name, label, name: typed, lookalikes: found.lookalikes }
  const errors: FieldErrors =
    field(body, 'confirming') === name
      ? { [`${name}Confirm`]: 'Choose one of the organisations, or say that the name is new' }
      : {}
  return { question, errors }
}

/** Everything the form posted, to carry through the "Did you mean …?" page as hidden fields. */
export function carriedFields(body: Body, except: string): Array<{ name: string; value: string }> {
  return Object.keys(body)
    .filter(
      (key) =>
        key !== '_csrf' &&
        key !== except &&
        key !== 'action' &&
        key !== 'confirming' &&
        /^[a-zA-Z][\w-]{0,60}$/.test(key),
    )
    .map((key) => ({ name: key, value: field(body, key) }))
}

/** The autocomplete's source: organisations and aliases matching what was typed, as JSON. */
export class OrganisationNamesController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 200) : ''
    res.json(await this.services.workflow.organisationNames(q))
  }
}
