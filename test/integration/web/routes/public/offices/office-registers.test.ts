import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { sql } from 'kysely'
import { SYSTEM_ACTOR } from '../../../../../../src/services/audit/audit.ts'
import { PublicOfficeService } from '../../../../../../src/services/offices/public-offices.ts'
import { webAppSetUp } from '../../../../../support/staff.ts'
import { testEngines } from '../../../../../support/database.ts'

/** A 1×1 PNG: the signature, then a minimal image. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082',
  'hex',
)

interface Office {
  id: number
  name: string
  slug: string
}

const header = (html: string) => /<header[\s\S]*?<\/header>/.exec(html)?.[0] ?? ''
const title = (html: string) => /<title>([\s\S]*?)<\/title>/.exec(html)?.[1]?.trim() ?? ''
const footer = (html: string) => /<footer[\s\S]*?<\/footer>/.exec(html)?.[0] ?? ''
const decode = (text: string) => text.replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&')

for (const engine of testEngines()) {
  describe(`each office's public register on ${engine}`, () => {
    const web = webAppSetUp(engine)
    const offices: Record<string, Office> = {}
    const get = (path: string) => fetch(`${web.baseUrl}${path}`, { redirect: 'manual' })
    const html = async (path: string) => {
      const response = await get(path)
      assert.equal(response.status, 200, path)
      return decode(await response.text())
    }
    /** The public decisions of an office, counted in the database. */
    const listedCount = async (officeIds: number[]) =>
      Number(
        (
          await sql<{ n: number }>`select count(*) as n from decisions d
            where d.office_id in (${sql.join(officeIds)}) and d.status in ('published', 'imported') and d.review_status = 'reviewed'`.execute(
            web.database.db,
          )
        ).rows[0]!.n,
      )

    before(async () => {
      const rows = await web.database.db
        .selectFrom('offices as f')
        .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
        .select(['f.organisation_id as id', 'o.name', 'f.slug', 'f.short_name'])
        .execute()
      for (const r of rows) offices[r.short_name] = { id: r.id, name: r.name, slug: r.slug }
      assert.ok(offices.Essex && offices.Nottinghamshire && offices.Hampshire)
    })

    test('an office’s home lists its own decisions only, under its own name', async () => {
      const { Essex, Nottinghamshire } = offices
      const page = await html(`/offices/${Essex!.slug}`)
      const count = await listedCount([Essex!.id])
      assert.ok(count > 0)
      assert.match(page, new RegExp(`id="results-heading">${count} decisions?`))
      assert.ok(!page.includes(`<td class="govuk-table__cell">${Nottinghamshire!.name}</td>`), 'no Nottinghamshire row')
      assert.ok(header(page).includes(Essex!.name))
      assert.ok(title(page).endsWith(Essex!.name), title(page))
      assert.ok(footer(page).includes(`© ${Essex!.name}`))
      // Its navigation stays in its register.
      assert.match(header(page), new RegExp(`href="/offices/${Essex!.slug}/ledger"`))
    })

    test('the national home lists every office’s decisions under a neutral header', async () => {
      const page = await html('/')
      const all = await listedCount(Object.values(offices).map((o) => o.id))
      assert.match(page, new RegExp(`id="results-heading">${all} decisions`))
      for (const office of Object.values(offices)) {
        assert.ok(!header(page).includes(office.name), `the header names ${office.name}`)
        assert.ok(!title(page).includes(office.name))
        assert.ok(!footer(page).includes(office.name))
      }
      assert.match(title(page), /^Decisions – Commissioning Register$/)
    })

    test('another office’s decision is not found in an office’s register, and is in its own', async () => {
      const { Essex, Nottinghamshire } = offices
      const slug = (
        await web.database.db
          .selectFrom('decisions')
          .select('slug')
          .where('office_id', '=', Nottinghamshire!.id)
          .where('status', '=', 'published')
          .where('classification', '<>', 'confidential')
          .executeTakeFirstOrThrow()
      ).slug!
      assert.equal((await get(`/offices/${Essex!.slug}/decisions/${slug}`)).status, 404)
      const own = await html(`/offices/${Nottinghamshire!.slug}/decisions/${slug}`)
      assert.ok(header(own).includes(Nottinghamshire!.name))
      assert.equal((await get(`/offices/no-such-office`)).status, 404)
    })

    test('an office’s ledger, its CSV, providers and services hold only its own awards', async () => {
      const { Hampshire, Nottinghamshire, Essex } = offices
      const csv = await html(`/offices/${Nottinghamshire!.slug}/ledger.csv`)
      const awards = Number(
        (
          await sql<{ n: number }>`select count(*) as n from ledger_awards where office_id = ${Nottinghamshire!.id}`.execute(
            web.database.db,
          )
        ).rows[0]!.n,
      )
      assert.ok(awards > 0)
      assert.equal(csv.split(`,${Nottinghamshire!.name},`).length - 1, awards, 'one row per award, each Nottinghamshire’s')
      // The other offices in the demonstration data have no public awards: their ledgers are empty.
      const empty = await html(`/offices/${Hampshire!.slug}/ledger.csv`)
      assert.equal(empty.trim().split('\n').length, 1, 'only the header row')
      const recipients = (
        await sql<{ name: string }>`select distinct recipient_name as name from ledger_awards where office_id = ${Nottinghamshire!.id}`.execute(
          web.database.db,
        )
      ).rows.map((r) => r.name)
      const own = await html(`/offices/${Nottinghamshire!.slug}/providers`)
      const other = await html(`/offices/${Essex!.slug}/providers`)
      for (const name of recipients) {
        assert.ok(own.includes(name), `${name} is among Nottinghamshire’s providers`)
        assert.ok(!other.includes(`>${name}<`), `${name} is not among Essex’s providers`)
      }
      const services = await html(`/offices/${Essex!.slug}/services`)
      const nottsServices = await web.database.db
        .selectFrom('services')
        .select('name')
        .where('office_id', '=', Nottinghamshire!.id)
        .execute()
      for (const s of nottsServices) assert.ok(!services.includes(`>${s.name}<`), `${s.name} is not an Essex service`)
      await html(`/offices/${Hampshire!.slug}/charts`)
      await html(`/offices/${Hampshire!.slug}/disclosure-log`)
      await html(`/offices/${Hampshire!.slug}/contact`)
    })

    test('a deployment whose home is its office shows that office’s register at its root', async () => {
      const { Nottinghamshire } = offices
      await web.database.db.updateTable('register_settings').set({ home_is_office: true }).execute()
      try {
        const page = await html('/')
        assert.ok(header(page).includes(Nottinghamshire!.name))
        assert.match(page, new RegExp(`id="results-heading">${await listedCount([Nottinghamshire!.id])} decisions?`))
        // Its links stay at the root.
        assert.match(header(page), /href="\/ledger"/)
      } finally {
        await web.database.db.updateTable('register_settings').set({ home_is_office: false }).execute()
      }
    })

    test('an office’s logo is served and shown in its header', async () => {
      const { Essex } = offices
      const service = new PublicOfficeService(web.database)
      await service.setLogo(Essex!.id, PNG, SYSTEM_ACTOR)
      const page = await html(`/offices/${Essex!.slug}`)
      const src = /<img class="app-office-logo" src="([^"]+)"/.exec(header(page))?.[1]
      assert.ok(src, 'the header shows the logo')
      const logo = await get(src)
      assert.equal(logo.status, 200)
      assert.equal(logo.headers.get('content-type'), 'image/png')
      assert.deepEqual(Buffer.from(await logo.arrayBuffer()), PNG)
      await service.setLogo(Essex!.id, null, SYSTEM_ACTOR)
      assert.equal((await get(`/offices/${Essex!.slug}/logo`)).status, 404)
    })

    test('after a change of governing body, the old addresses move permanently and the successor holds both records', async () => {
      const { Hampshire, Essex } = offices
      const service = new PublicOfficeService(web.database)
      const before = await listedCount([Essex!.id, Hampshire!.id])
      await service.recordSuccession({ officeId: Hampshire!.id, successorId: Essex!.id, on: '2028-05-08' }, SYSTEM_ACTOR)
      try {
        const moved = await get(`/offices/${Hampshire!.slug}/ledger?year=2023`)
        assert.equal(moved.status, 301)
        assert.equal(moved.headers.get('location'), `/offices/${Essex!.slug}/ledger?year=2023`)
        assert.equal((await get(`/offices/${Hampshire!.slug}`)).headers.get('location'), `/offices/${Essex!.slug}`)
        const page = await html(`/offices/${Essex!.slug}`)
        assert.match(page, new RegExp(`id="results-heading">${before} decisions`))
        const contact = await html(`/offices/${Essex!.slug}/contact`)
        assert.match(contact, /whose functions passed on 8 May 2028/)
        // Hampshire’s decisions keep the title of their time.
        const titles = await web.database.db
          .selectFrom('offices')
          .select('decision_maker_title')
          .where('organisation_id', '=', Hampshire!.id)
          .executeTakeFirstOrThrow()
        assert.equal(titles.decision_maker_title, 'Police and Crime Commissioner')
      } finally {
        await web.database.db
          .updateTable('offices')
          .set({ successor_id: null, functions_passed_on: null })
          .where('organisation_id', '=', Hampshire!.id)
          .execute()
      }
    })

    test('an office cannot succeed itself or one of its own successors', async () => {
      const { Hampshire, Essex, Nottinghamshire } = offices
      const service = new PublicOfficeService(web.database)
      await assert.rejects(
        service.recordSuccession({ officeId: Essex!.id, successorId: Essex!.id, on: '2028-05-08' }, SYSTEM_ACTOR),
        /other than the office itself/,
      )
      await service.recordSuccession({ officeId: Hampshire!.id, successorId: Essex!.id, on: '2028-05-08' }, SYSTEM_ACTOR)
      await service.recordSuccession(
        { officeId: Essex!.id, successorId: Nottinghamshire!.id, on: '2029-05-08' },
        SYSTEM_ACTOR,
      )
      try {
        await assert.rejects(
          service.recordSuccession({ officeId: Nottinghamshire!.id, successorId: Hampshire!.id, on: '2030-01-01' }, SYSTEM_ACTOR),
          /already pass to this office/,
        )
        await assert.rejects(
          service.recordSuccession({ officeId: Essex!.id, successorId: Hampshire!.id, on: '2028-02-30' }, SYSTEM_ACTOR),
          /real date/,
        )
        // A chain: Hampshire's old address follows to Essex, whose own moves to Nottinghamshire.
        const first = await get(`/offices/${Hampshire!.slug}/providers`)
        assert.equal(first.headers.get('location'), `/offices/${Essex!.slug}/providers`)
        const page = await html(`/offices/${Nottinghamshire!.slug}`)
        assert.match(
          page,
          new RegExp(
            `id="results-heading">${await listedCount([Nottinghamshire!.id, Essex!.id, Hampshire!.id])} decisions`,
          ),
        )
      } finally {
        await web.database.db.updateTable('offices').set({ successor_id: null, functions_passed_on: null }).execute()
      }
    })
  })
}
