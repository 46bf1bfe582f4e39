import type { Transaction } from 'kysely'
import type { DB } from '../../db/tables/index.ts'
import { publicText, type PublishableParts } from '../../domain/publication.ts'

/**
 * The text search reads of a decision being saved: its sections as stored, in order (`publicText` leaves out the
 * withheld ones), with the classification, summary and decision text it is saved with.
 */
export async function publicTextWithStoredSections(
  trx: Transaction<DB>,
  decisionId: number,
  parts: Omit<PublishableParts, 'sections'>,
): Promise<string> {
  return publicText({
    ...parts,
    sections: await trx
      .selectFrom('decision_sections')
      .select(['heading', 'body', 'withheld'])
      .where('decision_id', '=', decisionId)
      .orderBy('position')
      .execute(),
  })
}
