import { sql, type Kysely, type Transaction } from 'kysely'
import { formatReference } from '../../domain/reference-format.ts'
import type { DB } from '../tables/index.ts'

/**
 * The next reference of an office's numbered sequence `scope` (one per format and year), written in `format`:
 * numbers are taken one at a time, skipping any reference `taken` says is already held (typed in by an import).
 */
export async function nextFreeReference(
  handle: Kysely<DB> | Transaction<DB>,
  sequence: { officeId: number; scope: string; format: string; year: number },
  taken: (reference: string) => Promise<boolean>,
): Promise<string> {
  for (;;) {
    const { last_value } = await handle
      .insertInto('reference_sequences')
      .values({ office_id: sequence.officeId, scope: sequence.scope, last_value: 1 })
      .onConflict((oc) =>
        oc.columns(['office_id', 'scope']).doUpdateSet({ last_value: sql`reference_sequences.last_value + 1` }),
      )
      .returning('last_value')
      .executeTakeFirstOrThrow()
    const reference = formatReference(sequence.format, sequence.year, last_value)
    if (!(await taken(reference))) return reference
  }
}
