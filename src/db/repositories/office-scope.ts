import { sql, type RawBuilder } from 'kysely'
import type { OfficeScope } from '../../domain/office-scope.ts'

/**
 * The one condition every staff query of an office's records takes: the record's office column is one of the
 * scope's offices. `column` is a trusted reference such as `d.office_id`, never user input. With `orArchive`,
 * an archive (an office nobody works for, holding only imported documents) is reached too, so that the
 * officers of any office can review what is imported into it.
 */
export function inOfficeScope(
  scope: OfficeScope,
  column: string,
  options: { orArchive?: boolean } = {},
): RawBuilder<boolean> {
  const ids = scope.officeIds()
  if (ids === null) return sql<boolean>`true`
  const archive = options.orArchive
    ? // The column stands outside the subquery, so an unqualified name cannot resolve to the memberships' own.
      sql<boolean>`${sql.ref(column)} not in (select om.office_id from office_memberships om)`
    : sql<boolean>`false`
  if (!ids.length) return sql<boolean>`(${archive})`
  return sql<boolean>`(${sql.ref(column)} in (${sql.join(ids)}) or ${archive})`
}

/**
 * A record an office may own or that is shared (a service or funding stream with no office): reached by the
 * scope when it is the scope's office's, or when it belongs to no office.
 */
export function ownedOrSharedInScope(scope: OfficeScope, column: string): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(column)} is null or ${inOfficeScope(scope, column)})`
}
