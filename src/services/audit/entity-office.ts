import { sql } from 'kysely'

/** The office an entity belongs to, for the entry's office_id: the one place that knows which entities are an office's. */
export function entityOffice(entityType: string, entityId: string | null) {
  if (entityId === null || !/^\d{1,15}$/.test(entityId)) return sql<number | null>`null::bigint`
  const id = Number(entityId)
  switch (entityType) {
    case 'decision':
      return sql<number | null>`(select office_id from decisions where id = ${id})`
    case 'document':
      return sql<number | null>`(select d.office_id from decisions d where d.source_document_id = ${id} limit 1)`
    case 'foi_request':
      return sql<number | null>`(select office_id from foi_requests where id = ${id})`
    case 'office_settings':
    case 'office':
      return sql<number | null>`(select organisation_id from offices where organisation_id = ${id})`
    case 'service':
      return sql<number | null>`(select office_id from services where id = ${id})`
    default:
      return sql<number | null>`null::bigint`
  }
}
