import type { ColumnType, Generated, GeneratedAlways } from 'kysely'

export interface DocumentsTable {
  id: GeneratedAlways<number>
  sha256: string
  file_name: string
  media_type: string
  size_bytes: number
  content: Buffer
  text: string | null
  /** The extracted record as `extract --json` prints it, with provenance and findings. */
  extraction: ColumnType<unknown, string | null | undefined, string | null>
  imported_by: number | null
  created_at: Generated<Date>
}
