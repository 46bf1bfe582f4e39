import type { Database } from '../../../../src/db/database.ts'
import { DecisionRepository, type NewDecision } from '../../../../src/db/repositories/decisions/decisions.ts'
import { publishedMay2025 } from '../../../support/records.ts'

/** Words that must never appear in anything public: each sits only in a withheld or private place. */
export const SECRETS = {
  withheldSection: 'WITHHELDSECTIONBODY',
  withheldAward: 'WITHHELDAWARDRECIPIENT',
  withheldOrganisation: 'WITHHELDORGANISATIONNAME',
  confidentialSummary: 'CONFIDENTIALSUMMARYTEXT',
  confidentialText: 'CONFIDENTIALDECISIONTEXT',
  confidentialAward: 'CONFIDENTIALAWARDRECIPIENT',
  partialSection: 'PARTIALWITHHELDPART',
  draftTitle: 'DRAFTONLYTITLE',
  unreviewedTitle: 'UNREVIEWEDIMPORTTITLE',
  requesterName: 'REQUESTERSECRETNAME',
  requesterContact: 'requester-secret@example.org',
  authorContact: 'author-contact-secret@example.org',
} as const

export interface ClassifiedRecords {
  confidentialReference: string
  openReference: string
  partialReference: string
  officeId: number
}

/** Adds one decision of each classification, a draft, an unreviewed import and a FOI request with its requester. */
export async function addClassifiedRecords(database: Database): Promise<ClassifiedRecords> {
  const repo = new DecisionRepository(database.db)
  const office = await database.db
    .selectFrom('offices')
    .select(['organisation_id', 'short_name'])
    .orderBy('organisation_id')
    .executeTakeFirstOrThrow()
  const provider = await database.db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('kind', '=', 'provider')
    .orderBy('id')
    .executeTakeFirstOrThrow()
  const area = await database.db.selectFrom('areas').select('id').orderBy('id').executeTakeFirstOrThrow()
  const base: Omit<NewDecision, 'reference' | 'title'> = {
    ...publishedMay2025(office),
    authorName: 'An officer',
    authorContact: SECRETS.authorContact,
    areaIds: [area.id],
  }
  const award = (name: string, extra: { withheld?: boolean } = {}) => ({
    recipientId: null,
    recipientName: name,
    amountPence: 1_234_500,
    periodStart: '2025-06-01',
    periodEnd: '2026-05-31',
    route: 'grant' as const,
    purpose: `Support from ${name}`,
    ...extra,
  })
  await database.transaction(async (trx) => {
    const hidden = await trx
      .insertInto('organisations')
      .values({ kind: 'provider', name: SECRETS.withheldOrganisation, slug: 'withheldorganisationname' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const decisions: NewDecision[] = [
      {
        ...base,
        reference: 'T2025.001',
        title: 'Open decision with a withheld award and section',
        classification: 'non_confidential',
        executiveSummary: 'An open decision about outreach.',
        decisionText: 'Approve the outreach grant.',
        sections: [
          { heading: 'Background', body: 'Public background.' },
          {
            heading: 'Commercial terms',
            body: `The price was ${SECRETS.withheldSection}.`,
            withheld: true,
            exemption: 's.43',
          },
        ],
        awards: [
          award(provider.name),
          { ...award(SECRETS.withheldAward), withheld: true },
          { ...award(SECRETS.withheldOrganisation), recipientId: hidden.id, withheld: true },
        ],
      },
      {
        ...base,
        reference: 'T2025.002',
        title: 'Partially confidential decision',
        classification: 'partially_confidential',
        executiveSummary: 'A decision with a Part 2.',
        sections: [
          {
            heading: 'Part 2',
            body: `Confidential annex ${SECRETS.partialSection}.`,
            withheld: true,
            exemption: 's.31',
          },
        ],
        awards: [award(provider.name)],
      },
      {
        ...base,
        reference: 'T2025.003',
        title: 'Confidential decision',
        classification: 'confidential',
        exemption: 's.43 commercial interests',
        executiveSummary: SECRETS.confidentialSummary,
        decisionText: SECRETS.confidentialText,
        awards: [award(SECRETS.confidentialAward)],
      },
      {
        ...base,
        reference: 'T2025.004',
        title: SECRETS.draftTitle,
        status: 'draft',
        datePublished: null,
        awards: [award(SECRETS.draftTitle)],
      },
      {
        ...base,
        reference: 'T2025.005',
        title: SECRETS.unreviewedTitle,
        status: 'imported',
        reviewStatus: 'unreviewed',
        awards: [award(SECRETS.unreviewedTitle)],
      },
    ]
    for (const decision of decisions) await repo.create(decision, trx)
    await trx
      .insertInto('foi_requests')
      .values({
        office_id: office.organisation_id,
        reference: 'FOI-T-1',
        received_on: '2025-01-06',
        requester_name: SECRETS.requesterName,
        requester_contact: SECRETS.requesterContact,
        status: 'answered',
        outcome: 'released_in_full',
        answered_on: '2025-01-20',
        published_on: '2025-01-27',
        summary: 'Spending on outreach',
      })
      .execute()
  })
  return {
    openReference: 'T2025.001',
    partialReference: 'T2025.002',
    confidentialReference: 'T2025.003',
    officeId: office.organisation_id,
  }
}

/** The secrets found in a text (empty when none). */
export function leakedSecrets(text: string): string[] {
  return Object.values(SECRETS).filter((secret) => text.includes(secret))
}
