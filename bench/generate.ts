import type { Insertable } from 'kysely'
import type { Database } from '../src/db/database.ts'
import { withLedgerDeferred } from '../src/db/ledger-deferral.ts'
import { withTablesLoadedInBulk } from '../src/db/bulk-load.ts'
import { financialYearOf } from '../src/domain/financial-year.ts'
import { addDays } from '../src/domain/uk-date.ts'
import { slugify } from '../src/domain/slug.ts'
import type { AwardsTable, DecisionsTable } from '../src/db/tables/index.ts'

/** A deterministic pseudo-random sequence, so every run generates the same register. */
export function randomSequence(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SERVICES = [
  'refuge',
  'IDVA service',
  'community outreach',
  'helpline',
  'perpetrator programme',
  'ISVA service',
  'counselling',
  'partnership car',
  'survivor support',
  'safe accommodation',
]
const GROUPS = [
  'domestic abuse',
  'sexual violence',
  'young people',
  'older victims',
  'male survivors',
  'stalking victims',
  'repeat victims',
  'high risk victims',
]
const ACTIONS = ['Funding for', 'Extension of', 'Recommissioning of', 'Grant for', 'Contract award for', 'Pilot of']
const PLACES = [
  'Ashfield',
  'Mansfield',
  'Nottingham',
  'Bassetlaw',
  'Newark',
  'Gedling',
  'Broxtowe',
  'Rushcliffe',
  'Essex',
  'Thurrock',
  'Southend-on-Sea',
  'Hampshire',
  'Southampton',
  'Portsmouth',
  'Isle of Wight',
]
const STREAMS_TEXT = [
  'Community Safety Grant',
  'MoJ victims grant',
  'core commissioning budget',
  'Safer Communities Fund',
  'Home Office perpetrator fund',
]

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!
}

export interface GeneratedRegister {
  decisions: number
  awards: number
  slugs: string[]
}

/**
 * Adds a synthetic register of `count` decisions with about six awards each to a database that already
 * holds the demonstration offices, in batches through the same tables the application reads.
 */
export async function generateRegister(database: Database, count: number, seed = 42): Promise<GeneratedRegister> {
  const random = randomSequence(seed)
  const db = database.db
  const offices = await db.selectFrom('offices').select(['organisation_id', 'short_name']).execute()
  const streams = await db.selectFrom('funding_streams').select('id').execute()
  const councils = await db.selectFrom('organisations').select('id').where('kind', '=', 'council').execute()
  const providerRows: Array<{ id: number; name: string }> = []
  await database.transaction(async (trx) => {
    for (let i = 0; i < 300; i++) {
      const name = `${pick(random, PLACES)} ${pick(random, ['Women’s Aid', 'Victim Support', 'Safe Project', 'Domestic Abuse Service', 'Survivors’ Trust', 'Outreach'])} ${i + 1}`
      const row = await trx
        .insertInto('organisations')
        .values({ kind: 'provider', name, slug: `${slugify(name)}` })
        .returning(['id', 'name'])
        .executeTakeFirstOrThrow()
      providerRows.push(row)
    }
  })

  const slugs: string[] = []
  let awardCount = 0
  const batchSize = 500
  await withLedgerDeferred(database, (trx) =>
    withTablesLoadedInBulk(trx, ['decisions', 'awards'], async () => {
      for (let start = 0; start < count; start += batchSize) {
        const size = Math.min(batchSize, count - start)
        const decisions: Array<Insertable<DecisionsTable>> = []
        for (let i = 0; i < size; i++) {
          const n = start + i
          const office = offices[n % offices.length]!
          const decided = addDays('2012-04-01', Math.floor(random() * 5200))
          const year = decided.slice(0, 4)
          const reference = `B${year}.${String(n).padStart(6, '0')}`
          const title = `${pick(random, ACTIONS)} ${pick(random, SERVICES)} for ${pick(random, GROUPS)} in ${pick(random, PLACES)}`
          const summary = `The commissioner is asked to fund a ${pick(random, SERVICES)} for ${pick(random, GROUPS)} across ${pick(random, PLACES)} and ${pick(random, PLACES)}, paid from the ${pick(random, STREAMS_TEXT)}.`
          const slug = `${slugify(office.short_name)}-${slugify(reference)}`
          slugs.push(slug)
          decisions.push({
            office_id: office.organisation_id,
            reference,
            slug,
            kind: random() < 0.9 ? 'decision' : 'report',
            title,
            status: 'published',
            date_received: addDays(decided, -14),
            date_decided: decided,
            date_published: addDays(decided, 7),
            classification: random() < 0.03 ? 'confidential' : 'non_confidential',
            exemption: null,
            executive_summary: summary,
            decision_text: `Approve the funding described in the summary for ${pick(random, PLACES)}.`,
            public_text: summary,
          })
          const last = decisions[decisions.length - 1]!
          if (last.classification === 'confidential') {
            last.exemption = 's.43 commercial interests'
            last.public_text = ''
          }
        }
        {
          const ids = await trx.insertInto('decisions').values(decisions).returning(['id', 'date_decided']).execute()
          const awards: Array<Insertable<AwardsTable>> = []
          for (const { id, date_decided } of ids) {
            const awardTotal = 1 + Math.floor(random() * 11)
            const startYear = financialYearOf(date_decided!).startYear
            for (let a = 0; a < awardTotal; a++) {
              const provider = pick(random, providerRows)
              const periodStart = random() < 0.5 ? `${startYear}-04-01` : `${startYear}-10-01`
              const periodEnd = addDays(periodStart, 180 + Math.floor(random() * 720))
              awards.push({
                decision_id: id,
                position: a,
                recipient_id: provider.id,
                recipient_name: provider.name,
                amount_pence: 100_000 + Math.floor(random() * 50_000_000),
                period_start: periodStart,
                period_end: periodEnd,
                period_label: `${periodStart} to ${periodEnd}`,
                financial_year: startYear,
                per_annum: random() < 0.1,
                up_to: random() < 0.05,
                via_id: random() < 0.4 && councils.length ? pick(random, councils).id : null,
                route: pick(random, ['direct_award', 'framework_call_off', 'open_tender', 'grant'] as const),
                funding_stream_id: streams.length ? pick(random, streams).id : null,
              })
            }
          }
          for (let i = 0; i < awards.length; i += 1000)
            await trx
              .insertInto('awards')
              .values(awards.slice(i, i + 1000))
              .execute()
          awardCount += awards.length
        }
      }
    }),
  )
  return { decisions: count, awards: awardCount, slugs }
}
