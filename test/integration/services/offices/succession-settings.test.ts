import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { PublicOfficeService } from '../../../../src/services/offices/public-offices.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../support/database.ts'
import { startApp, type RunningApp } from '../../../support/server.ts'

for (const engine of testEngines()) {
  describe(`what a successor takes on from its predecessor on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp
    const ids: Record<string, number> = {}

    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      app = await startApp(t.database)
      for (const o of await t.database.db.selectFrom('offices').select(['organisation_id', 'short_name']).execute())
        ids[o.short_name] = o.organisation_id
    })
    after(async () => {
      await app.stop()
      await t.dispose()
    })

    const settingsOf = (id: number) =>
      t.database.db
        .selectFrom('offices')
        .select([
          'contact',
          'accent_colour',
          'copyright_holder',
          'decision_maker_title',
          'reference_format',
          'open_data_prefix',
          'logo',
        ])
        .where('organisation_id', '=', id)
        .executeTakeFirstOrThrow()

    test('the successor takes the contact and accent colour it has not set, and keeps its own title, formats and copyright', async () => {
      const hampshire = ids.Hampshire!
      const essex = ids.Essex!
      await t.database.db
        .updateTable('offices')
        .set({
          contact: 'Write to the Hampshire office, Winchester',
          accent_colour: '#1d70b8',
          copyright_holder: 'Hampshire OPCC',
        })
        .where('organisation_id', '=', hampshire)
        .execute()
      await t.database.db
        .updateTable('offices')
        .set({ contact: null, accent_colour: null, copyright_holder: null, decision_maker_title: 'Mayor' })
        .where('organisation_id', '=', essex)
        .execute()
      const before = await settingsOf(essex)
      await new PublicOfficeService(t.database).recordSuccession(
        { officeId: hampshire, successorId: essex, on: '2028-05-08' },
        SYSTEM_ACTOR,
      )
      const afterwards = await settingsOf(essex)
      assert.equal(afterwards.contact, 'Write to the Hampshire office, Winchester')
      assert.equal(afterwards.accent_colour, '#1d70b8')
      assert.equal(afterwards.copyright_holder, null, 'the copyright line stays the successor’s own (its name)')
      assert.equal(afterwards.decision_maker_title, 'Mayor')
      assert.equal(afterwards.reference_format, before.reference_format)
      assert.equal(afterwards.open_data_prefix, before.open_data_prefix)
      const contact = await (
        await fetch(
          `${app.baseUrl}/offices/${(await t.database.db.selectFrom('offices').select('slug').where('organisation_id', '=', essex).executeTakeFirstOrThrow()).slug}/contact`,
        )
      ).text()
      assert.match(contact, /Write to the Hampshire office, Winchester/)
      await t.database.db
        .updateTable('offices')
        .set({ successor_id: null, functions_passed_on: null })
        .where('organisation_id', '=', hampshire)
        .execute()
    })

    test('a successor’s own contact and colour are never replaced', async () => {
      const hampshire = ids.Hampshire!
      const notts = ids.Nottinghamshire!
      await t.database.db
        .updateTable('offices')
        .set({ contact: 'Nottinghamshire’s own contact', accent_colour: '#00703c' })
        .where('organisation_id', '=', notts)
        .execute()
      await new PublicOfficeService(t.database).recordSuccession(
        { officeId: hampshire, successorId: notts, on: '2028-05-08' },
        SYSTEM_ACTOR,
      )
      const afterwards = await settingsOf(notts)
      assert.equal(afterwards.contact, 'Nottinghamshire’s own contact')
      assert.equal(afterwards.accent_colour, '#00703c')
      await t.database.db
        .updateTable('offices')
        .set({ successor_id: null, functions_passed_on: null })
        .where('organisation_id', '=', hampshire)
        .execute()
    })

    test('historic decisions keep the decision maker’s title of their time, on the successor’s pages too', async () => {
      const hampshire = ids.Hampshire!
      const essex = ids.Essex!
      const decision = await t.database.db
        .selectFrom('decisions')
        .select(['id', 'slug', 'decision_maker_title'])
        .where('office_id', '=', hampshire)
        .where('status', '=', 'published')
        .where('slug', 'is not', null)
        .executeTakeFirstOrThrow()
      await t.database.db
        .updateTable('decisions')
        .set({ decision_maker_title: 'Police and Crime Commissioner' })
        .where('id', '=', decision.id)
        .execute()
      await t.database.db
        .updateTable('offices')
        .set({ decision_maker_title: 'Mayor' })
        .where('organisation_id', '=', essex)
        .execute()
      await new PublicOfficeService(t.database).recordSuccession(
        { officeId: hampshire, successorId: essex, on: '2028-05-08' },
        SYSTEM_ACTOR,
      )
      const row = await t.database.db
        .selectFrom('decisions')
        .select('decision_maker_title')
        .where('id', '=', decision.id)
        .executeTakeFirstOrThrow()
      assert.equal(row.decision_maker_title, 'Police and Crime Commissioner')
      const essexSlug = (
        await t.database.db
          .selectFrom('offices')
          .select('slug')
          .where('organisation_id', '=', essex)
          .executeTakeFirstOrThrow()
      ).slug
      const page = await fetch(`${app.baseUrl}/offices/${essexSlug}/decisions/${decision.slug}`)
      assert.equal(page.status, 200)
      const html = await page.text()
      assert.match(html, /Police and Crime Commissioner/)
      assert.doesNotMatch(html.replace(/<header[\s\S]*?<\/header>|<footer[\s\S]*?<\/footer>/g, ''), />\s*Mayor\s*</)
    })
  })
}
