import { sql, type RawBuilder } from 'kysely'
import type { OfficeScope } from '../../domain/office-scope.ts'

/**
 * The one condition every staff query of an office's records takes: the record's office column is one of the
 * scope's offices. `column` is a trusted reference such as `d.office_id`, never user input.
 */
export function inOfficeScope(scope: OfficeScope, column: string): RawBuilder<boolean> {
  const ids = scope.officeIds()
  if (ids === null) return sql<boolean>`true`
  if (!ids.length) return sql<boolean>`false`
  return sql<boolean>`${sql.ref(column)} in (${sql.join(ids)})`
}
