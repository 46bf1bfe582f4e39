import type { Generated } from 'kysely'

/** One row: the token of the current state of the data public figures are computed from. */
export interface PublicFiguresStateTable {
  id: Generated<boolean>
  token: string
}
