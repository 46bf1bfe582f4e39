import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { extractText, getDocumentProxy } from 'unpdf'
import { DecisionRepository, type NewDecision } from '../../../src/db/repositories/decisions/decisions.ts'
import type { OrganisationKind } from '../../../src/domain/decision.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../support/database.ts'
import { startApp, type RunningApp } from '../../support/server.ts'

/**
 * What a confidential decision, withheld awards and never-published records hold must not reach any public
 * page, notice, PDF, feed, export or API answer: not its people, not its amounts (or anything they could be
 * worked out from), not even the names of organisations that appear only there.
 */
const PRIVATE_WORDS = ['PANGOLIN', 'MARMOT', 'WOMBAT', 'NUMBAT', 'QUOLL', 'QUOKKA', 'AXOLOTL', 'TAPIR', 'Tapirshire']
/** Stated totals and contributions of decisions whose awards are withheld, as pages and exports write them. */
const PRIVATE_AMOUNTS = [
  '123,456.78',
  '123456.78',
  '55,555.55',
  '55555.55',
  '987,654.32',
  '987654.32',
  '44,444.44',
  '44444.44',
]
const PRIVATE_ORGANISATIONS = [
  'PANGOLIN-AWARD Provider',
  'PANGOLIN-PARTNER Council',
  'MARMOT-RECIPIENT Trust',
  'MARMOT-PARTNER Council',
  'AXOLOTL-DRAFT Charity',
  'AXOLOTL-DRAFT Council',
  'TAPIR-IMPORT Trust',
]
/** Personal data held for notifications and FOI: an alert subscriber's address, an FOI requester's name and contact. */
const PRIVATE_PERSONAL = [
  'okapi.subscriber@private.example',
  'Ozymandias Okapi-Requester',
  'okapi.requester@private.example',
]
const PUBLIC_ORGANISATIONS = ['Kestrel Open Refuge', 'Open Borough Council']
const ENTRY_POINTS = [
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

interface Fixture {
  open: { id: number; slug: string }
  moneyWithheld: { id: number; slug: string }
  confidential: { id: number; slug: string }
  officeName: string
}

async function addRecords(t: TestDatabase): Promise<Fixture> {
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
      officeId: office.organisation_id,
      officeShortName: office.short_name,
      kind: 'decision',
      status: 'published',
      dateDecided: '2025-05-01',
      datePublished: '2025-05-09',
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

async function textOf(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('pdf'))
    return (
      await extractText(await getDocumentProxy(new Uint8Array(await response.arrayBuffer())), { mergePages: true })
    ).text
  return response.text()
}

/** A not-found answer with what legitimately varies between two requests (the address, nonces, ids) taken out. */
function shapeOf(body: string, path: string): string {
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
async function addPersonalData(t: TestDatabase): Promise<void> {
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

for (const engine of testEngines()) {
  describe(`withheld people, amounts and names on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp
    let fixture: Fixture
    const get = (path: string) => fetch(`${app.baseUrl}${path}`)

    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      fixture = await addRecords(t)
      await addPersonalData(t)
      app = await startApp(t.database)
    })
    after(async () => {
      await app.stop()
      await t.dispose()
    })

    function assertNothingPrivate(path: string, body: string): void {
      for (const word of [...PRIVATE_WORDS, ...PRIVATE_AMOUNTS, ...PRIVATE_PERSONAL])
        assert.ok(!body.includes(word), `${word} appears in ${path}`)
    }

    test('no public page, notice, PDF, feed, export or API answer holds a withheld person, amount or name', async (context) => {
      const { open, moneyWithheld, confidential } = fixture
      const organisations = await t.database.db.selectFrom('organisations').select(['id', 'slug']).execute()
      const areas = await t.database.db.selectFrom('areas').select('slug').execute()
      const queue = [
        ...ENTRY_POINTS,
        ...[open, moneyWithheld, confidential].flatMap(({ id, slug }) => [
          `/decisions/${slug}`,
          `/decisions/${slug}/notice`,
          `/decisions/${slug}/notice.pdf`,
          `/api/v1/decisions/${id}`,
        ]),
        '/api/v1/decisions?limit=100',
        '/api/v1/disclosure-log?limit=100',
        '/disclosure-log',
        '/downloads/disclosure-log.csv',
        '/api/v1/awards?limit=100',
        '/api/v1/organisations?limit=100',
        '/api/v1/services?limit=100',
        ...organisations.flatMap(({ id, slug }) => [
          `/providers/${slug}`,
          `/feeds/providers/${slug}.atom`,
          `/api/v1/organisations/${id}`,
        ]),
        ...areas.flatMap(({ slug }) => [`/areas/${slug}`, `/feeds/areas/${slug}.atom`]),
      ]
      const seen = new Set<string>()
      let fetched = 0
      while (queue.length && seen.size < 900) {
        const path = queue.shift()!
        if (seen.has(path)) continue
        seen.add(path)
        const response = await get(path)
        assert.ok(response.status < 500, `${path} answered ${response.status}`)
        const body = await textOf(response)
        assertNothingPrivate(path, body)
        if (response.status === 404) continue
        fetched++
        if ((response.headers.get('content-type') ?? '').includes('html')) {
          for (const [, href] of body.matchAll(/href="(\/[^"#]*)"/g)) {
            const link = href!.replace(/&amp;/g, '&')
            if (
              !link.startsWith('/staff') &&
              !link.startsWith('/assets') &&
              !link.startsWith('/stylesheets') &&
              !link.startsWith('/ledger?') &&
              !seen.has(link)
            )
              queue.push(link)
          }
        }
      }
      assert.ok(fetched > 50, `only ${fetched} public addresses answered`)
      context.diagnostic(
        `${seen.size} public addresses requested, ${fetched} answered, none holding a withheld word or amount`,
      )
    })

    test('a confidential decision’s notice and PDF are stubs: reference, office, date, confidential and the exemption', async () => {
      const { slug } = fixture.confidential
      for (const path of [`/decisions/${slug}/notice`, `/decisions/${slug}/notice.pdf`]) {
        const text = await textOf(await get(path))
        assert.match(text, /W2025\.003/, path)
        assert.ok(text.includes(fixture.officeName), `${path} names the office`)
        assert.match(text, /1 May 2025/, path)
        assert.match(text, /This decision is confidential/, path)
        assert.match(text, /Withheld under section 31/, path)
        assert.doesNotMatch(text, /Sign-off|Approved on|Signed off on|Author|Declaration|Chief Finance Officer/i, path)
      }
      const open = await textOf(await get(`/decisions/${fixture.open.slug}/notice.pdf`))
      assert.match(open, /Open-CFO\. Signed off on 20 April 2025/)
    })

    test('the stated total and contributions of a decision whose awards are withheld are nowhere, and an open decision keeps its own', async () => {
      const api = async (id: number) =>
        (await (await get(`/api/v1/decisions/${id}`)).json()) as {
          statedTotal: number | null
          contributions: unknown[]
        }
      const withheld = await api(fixture.moneyWithheld.id)
      assert.equal(withheld.statedTotal, null)
      assert.deepEqual(withheld.contributions, [])
      assert.equal((await api(fixture.confidential.id)).statedTotal, null)
      const open = await api(fixture.open.id)
      assert.equal(open.statedTotal, 2500)
      assert.equal(open.contributions.length, 1)
      const list = (await (await get('/api/v1/decisions?limit=100')).json()) as {
        data: Array<{ id: number; statedTotal: number | null }>
      }
      assert.equal(list.data.find((d) => d.id === fixture.moneyWithheld.id)?.statedTotal, null)
      const csv = await (await get('/downloads/decisions.csv')).text()
      assert.match(csv.split('\n').find((line) => line.includes('W2025.001')) ?? '', /"£2,500",2500\.00/)
      const partRow = csv.split('\n').find((line) => line.includes('W2025.004')) ?? ''
      assert.match(
        partRow,
        /"£3,000 \(part withheld\)",,,/,
        'a sum of only the public awards says so and gives no figure as the total',
      )
      assert.match(csv.split('\n').find((line) => line.includes('W2025.002')) ?? '', /,Withheld,,,/)
      const home = await (await get('/?q=helpline')).text()
      assert.match(home, /£3,000 \(part withheld\)/)
      const service = await (await get('/services/outreach-service')).text()
      assert.match(service, /Outreach service/)
      assert.doesNotMatch(service, /PANGOLIN|44,444\.44/)
    })

    test('with the financial information withheld, neither the page nor the notice says revenue or within budget', async () => {
      const { slug } = fixture.moneyWithheld
      for (const path of [`/decisions/${slug}`, `/decisions/${slug}/notice`, `/decisions/${slug}/notice.pdf`]) {
        const text = await textOf(await get(path))
        assert.match(text, /Withheld under section 40/, path)
        assert.doesNotMatch(text, /within budget|funding is revenue|Revenue or capital/i, path)
      }
      assert.match(
        await textOf(await get(`/decisions/${fixture.open.slug}/notice`)),
        /The funding is revenue and is within budget/,
      )
    })

    test('the organisations API lists only organisations with a public part, and the rest answer as unknown ones do', async () => {
      const names: string[] = []
      for (let next: string | null = '/api/v1/organisations?limit=100'; next;) {
        const page = (await (await get(next.replace(/^https?:\/\/[^/]+/, ''))).json()) as {
          data: Array<{ name: string }>
          links: { next: string | null }
        }
        names.push(...page.data.map((o) => o.name))
        next = page.links.next
      }
      for (const name of PUBLIC_ORGANISATIONS) assert.ok(names.includes(name), `${name} is listed`)
      for (const name of PRIVATE_ORGANISATIONS) assert.ok(!names.includes(name), `${name} is not listed`)
      const unknown = await get('/api/v1/organisations/987654321')
      const unknownBody = await unknown.text()
      for (const name of PRIVATE_ORGANISATIONS) {
        const { id } = await t.database.db
          .selectFrom('organisations')
          .select('id')
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
        const response = await get(`/api/v1/organisations/${id}`)
        assert.equal(response.status, unknown.status, name)
        assert.equal(
          shapeOf(await response.text(), `/api/v1/organisations/${id}`),
          shapeOf(unknownBody, '/api/v1/organisations/987654321'),
          name,
        )
      }
    })

    test('provider and area pages and feeds of names with no public part answer exactly as unknown ones', async () => {
      const slugs = await t.database.db
        .selectFrom('organisations')
        .select(['name', 'slug'])
        .where('name', 'in', [...PRIVATE_ORGANISATIONS, ...PUBLIC_ORGANISATIONS])
        .execute()
      const unknownPage = await get('/providers/no-such-organisation')
      const unknownPageBody = shapeOf(await unknownPage.text(), '/providers/no-such-organisation')
      const unknownFeed = await get('/feeds/providers/no-such-organisation.atom')
      const unknownFeedBody = shapeOf(await unknownFeed.text(), '/feeds/providers/no-such-organisation.atom')
      for (const { name, slug } of slugs) {
        const page = await get(`/providers/${slug}`)
        const feed = await get(`/feeds/providers/${slug}.atom`)
        if (PUBLIC_ORGANISATIONS.includes(name)) {
          assert.equal(page.status, 200, name)
          assert.equal(feed.status, 200, name)
          continue
        }
        assert.equal(page.status, unknownPage.status, name)
        assert.equal(shapeOf(await page.text(), `/providers/${slug}`), unknownPageBody, name)
        assert.equal(feed.status, unknownFeed.status, name)
        assert.equal(shapeOf(await feed.text(), `/feeds/providers/${slug}.atom`), unknownFeedBody, name)
      }
      assert.equal((await get('/areas/tapirshire')).status, (await get('/areas/no-such-area')).status)
      assert.equal(
        (await get('/feeds/areas/tapirshire.atom')).status,
        (await get('/feeds/areas/no-such-area.atom')).status,
      )
      assert.doesNotMatch(await (await get('/areas')).text(), /Tapirshire/)
    })
  })
}
