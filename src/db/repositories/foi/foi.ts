import { sql } from 'kysely'
import type { Handle } from './foi-types.ts'
import { FoiDisclosureLogQueries } from './foi-disclosure-log.ts'

export type {
  FoiRequestRow,
  FoiQuestionRow,
  FoiRequestRecord,
  NewFoiRequest,
  PublicFoiRequest,
  PublicFoiQuestion,
  FoiClockRow,
} from './foi-types.ts'

/** FOI requests: the repository the services use, built up from the query modules. */
export class FoiRepository extends FoiDisclosureLogQueries {
  /**
   * Deletes the requester's name and contact from requests finished before the cutoff: answered or
   * closed, and with no date after it (review, referral, closure). The response stays.
   */
  async purgePersonalData(cutoff: string, handle: Handle): Promise<Array<{ id: number; reference: string }>> {
    const lastActivity = sql<string>`greatest(received_on, clarification_received_on, answered_on, published_on, review_requested_on, review_completed_on, referred_to_ico_on, closed_on)`
    return handle
      .updateTable('foi_requests')
      .set({
        requester_name: null,
        requester_contact: null,
        personal_data_deleted_at: sql`now()`,
        updated_at: sql`now()`,
      })
      .where('personal_data_deleted_at', 'is', null)
      .where((eb) => eb.or([eb('requester_name', 'is not', null), eb('requester_contact', 'is not', null)]))
      .where('status', 'in', ['answered', 'closed'])
      .where(lastActivity, '<', cutoff)
      .returning(['id', 'reference'])
      .execute()
  }
}
