/** Records for the withheld-information crawl: confidential, withheld and unpublished ones, and personal data. */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { extractText, getDocumentProxy } from 'unpdf'
import { DecisionRepository, type NewDecision } from '../../src/db/repositories/decisions/decisions.ts'
import type { OrganisationKind } from '../../src/domain/organisation.ts'
import type { TestDatabase } from './database.ts'
import { publishedMay2025 } from './records.ts'

/** Words found only in the confidential, withheld and unpublished records. */
export const PRIVATE_WORDS = [
  'PANGOLIN',
  'MARMOT',
  'WOMBAT',
  'NUMBAT',
  'QUOLL',
  'QUOKKA',
  'AXOLOTL',
  'TAPIR',
  'Tapirshire',
]
/** Stated totals and contributions of decisions whose awards are withheld, as pages and exports write them. */
export const PRIVATE_AMOUNTS = [
  '123,456.78',
  '123456.78',
  '55,555.55',
  '55555.55',
  '987,654.32',
  '987654.32',
  '44,444.44',
  '44444.44',
]
export const PRIVATE_ORGANISATIONS = [
  'PANGOLIN-AWARD Provider',
  'PANGOLIN-PARTNER Council',
  'MARMOT-RECIPIENT Trust',
  'MARMOT-PARTNER Council',
  'AXOLOTL-DRAFT Charity',
  'AXOLOTL-DRAFT Council',
  'TAPIR-IMPORT Trust',
]
/** Personal data held for notifications and FOI: an alert subscriber's address, an FOI requester's name and contact. */
export const PRIVATE_PERSONAL = [
  'okapi.subscriber@private.example',
  'Ozymandias Okapi-Requester',
  'okapi.requester@private.example',
]
export const PUBLIC_ORGANISATIONS = ['Kestrel Open Refuge', 'Open Borough Council']
export const ENTRY_POINTS = [
  '/',
  '/api',
  '/api/openapi.json',
  '/feeds/decisions.atom',
  '/open-data',
  '/ledger',
  '/ledger.csv',
  '/providers',
  '/areas',
  '/services',
  '/charts',
  '/pipeline',
  '/funding-streams',
  '/downloads/decisions.csv',
  '/downloads/360giving.json',
  '/downloads/360giving.csv',
]

export interface Fixture {
  open: { id: number; slug: string }
  moneyWithheld: { id: number; slug: string }
  confidential: { id: number; slug: string }
  officeName: string
}

export async function addRecords(t: TestDatabase): Promise<Fixture> {
  const db = t.database.db
  const repo = new DecisionRepository(db)
  const office = await db
    .selectFrom('offices')
    .innerJoin('organisations as o', 'o.id', 'offices.organisation_id')
    .select(['offices.organisation_id', 'offices.short_name', 'o.name'])
    .orderBy('offices.organisation_id')
    .executeTakeFirstOrThrow()
  return t.database.transaction(async (trx) => {
    const org = async (name: string, kind: OrganisationKind) =>
      (
        await trx
          .insertInto('organisations')
          .values({ name, kind, slug: name.toLowerCase().replace(/[^a-z]+/g, '-') })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id
    const ids = Object.fromEntries(
      await Promise.all(
        [...PRIVATE_ORGANISATIONS, ...PUBLIC_ORGANISATIONS].map(
          async (name) => [name, await org(name, name.endsWith('Council') ? 'council' : 'provider')] as const,
        ),
      ),
    )
    const tapirshire = await trx
      .insertInto('areas')
      .values({ name: 'Tapirshire', slug: 'tapirshire', kind: 'county' })
      .returning('id')
      .executeTakeFirstOrThrow()
    const base = {
      ...publishedMay2025(office),
      revenueOrCapital: 'revenue',
      inBudget: true,
    } as const
    const award = (name: string, amountPence: number, withheld = false) => ({
      recipientId: ids[name]!,
      recipientName: name,
      amountPence,
      periodStart: '2025-06-01',
      periodEnd: '2026-05-31',
      financialYear: 2025,
      route: 'grant' as const,
      withheld,
    })
    const contribution = (name: string, amountPence: number, serviceId: number | null = null) => ({
      organisationId: ids[name]!,
      organisationName: name,
      amountPence,
      financialYear: 2025,
      serviceId,
    })
    const signOffs = (prefix: string): NewDecision['signOffs'] => [
      {
        stage: 'finance',
        outcome: 'approved',
        signerName: `${prefix}-CFO`,
        signerTitle: 'Chief Finance Officer',
        signedOn: '2025-04-20',
      },
      {
        stage: 'decision_maker',
        outcome: 'approved',
        signerName: `${prefix}-PCC`,
        signerTitle: 'Police and Crime Commissioner',
        signedOn: '2025-05-01',
      },
    ]
    const create = async (
      input: Omit<NewDecision, 'officeId' | 'officeShortName' | 'kind' | 'status'> &
        Partial<Pick<NewDecision, 'status'>>,
    ) => {
      const id = await repo.create({ ...base, ...input }, trx)
      return {
        id,
        slug: (await trx.selectFrom('decisions').select('slug').where('id', '=', id).executeTakeFirstOrThrow()).slug!,
      }
    }
    const open = await create({
      reference: 'W2025.001',
      title: 'Open refuge grant',
      authorName: 'Open Author',
      executiveSummary: 'A public summary.',
      statedTotalPence: 250_000,
      awards: [award('Kestrel Open Refuge', 250_000)],
      contributions: [contribution('Open Borough Council', 100_000)],
      signOffs: signOffs('Open'),
      declaration: 'no_interest',
    })
    const moneyWithheld = await create({
      reference: 'W2025.002',
      title: 'Outreach grant with its awards withheld',
      classification: 'partially_confidential',
      authorName: 'Open Author',
      executiveSummary: 'A public summary of outreach.',
      statedTotalPence: 12_345_678,
      sections: [
        {
          key: 'financial_information',
          heading: 'Financial information',
          body: 'QUOKKA-FINANCE terms.',
          withheld: true,
          exemption: 's.40',
        },
      ],
      awards: [award('PANGOLIN-AWARD Provider', 12_345_678, true)],
      contributions: [contribution('PANGOLIN-PARTNER Council', 5_555_555)],
      signOffs: signOffs('Open'),
    })
    await trx.updateTable('decisions').set({ awards_exemption: 's.43' }).where('id', '=', moneyWithheld.id).execute()
    const service = await trx
      .insertInto('services')
      .values({
        name: 'Outreach service',
        slug: 'outreach-service',
        decision_id: moneyWithheld.id,
        office_id: office.organisation_id,
        start_date: '2025-06-01',
        end_date: '2026-05-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await repo.insertContributions(trx, moneyWithheld.id, [
      contribution('PANGOLIN-PARTNER Council', 4_444_444, service.id),
    ])
    await create({
      reference: 'W2025.004',
      title: 'Helpline grants, one withheld',
      classification: 'partially_confidential',
      awards: [award('Open Helpline Trust', 300_000), award('PANGOLIN-AWARD Provider', 12_345_678, true)],
      signOffs: signOffs('Open'),
    })
    const confidential = await create({
      reference: 'W2025.003',
      title: 'Confidential operation',
      classification: 'confidential',
      exemption: 's.31',
      authorName: 'WOMBAT-AUTHOR',
      executiveSummary: 'MARMOT-SUMMARY',
      decisionText: 'MARMOT-DECISION',
      statedTotalPence: 98_765_432,
      declaration: 'interest_declared',
      declaredInterest: 'QUOLL-INTEREST in a supplier',
      decisionMakerName: 'NUMBAT-PCC',
      awards: [award('MARMOT-RECIPIENT Trust', 98_765_432)],
      contributions: [contribution('MARMOT-PARTNER Council', 1_000_000)],
      signOffs: signOffs('NUMBAT'),
    })
    await create({
      reference: null,
      title: 'AXOLOTL-DRAFT decision',
      status: 'draft',
      awards: [award('AXOLOTL-DRAFT Charity', 777_700)],
      contributions: [contribution('AXOLOTL-DRAFT Council', 100)],
    })
    await create({
      reference: 'W2025.099',
      title: 'TAPIR-IMPORT record',
      status: 'imported',
      reviewStatus: 'unreviewed',
      awards: [award('TAPIR-IMPORT Trust', 333_300)],
      areaIds: [tapirshire.id],
    })
    return { open, moneyWithheld, confidential, officeName: office.name }
  })
}

export async function textOf(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('pdf'))
    return (
      await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true })
    ).text
  return response.text()
}

/** A not-found answer with what legitimately varies between two requests (the address, nonces, ids) taken out. */
export function shapeOf(body: string, path: string): string {
  return body
    .split(path)
    .join('<path>')
    .replace(/nonce="[^"]*"/g, '')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
}

/**
 * A confirmed alert subscription (to an office and to a provider, so the decision published next is emailed to
 * it) and a requester's name and contact on every FOI request that is in the disclosure log.
 */
export async function addPersonalData(t: TestDatabase): Promise<void> {
  const db = t.database.db
  const office = await db.selectFrom('offices').select('organisation_id').executeTakeFirstOrThrow()
  for (const [kind, target] of [
    ['office', String(office.organisation_id)],
    ['search', ''],
  ] as const)
    await db
      .insertInto('alert_subscriptions')
      .values({
        email: 'okapi.subscriber@private.example',
        kind,
        target,
        label: 'decisions of the office',
        confirm_token_hash: createHash('sha256').update(`${kind}-confirm`).digest('hex'),
        unsubscribe_token: `${kind}-unsubscribe-token-of-the-crawl-test-0123456789`,
        confirmed_at: new Date(),
      })
      .execute()
  const updated = await db
    .updateTable('foi_requests')
    .set({ requester_name: 'Ozymandias Okapi-Requester', requester_contact: 'okapi.requester@private.example' })
    .where('published_on', 'is not', null)
    .executeTakeFirst()
  assert.ok(Number(updated.numUpdatedRows) > 0, 'the demonstration register has a published FOI response')
}
