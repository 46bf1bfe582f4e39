import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Updateable } from 'kysely'
import type { DB } from '../../../../src/db/tables/index.ts'
import { SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { PublicOfficeService } from '../../../../src/services/offices/public-offices.ts'
import { webAppSetUp } from '../../../support/staff.ts'
import { testEngines } from '../../../support/database.ts'
import { rowOf, rowsOf, updateRows, valueOf } from '../../../support/rows.ts'

for (const engine of testEngines()) {
  describe(`what a successor takes on from its predecessor on ${engine}`, () => {
    const web = webAppSetUp(engine)
    const ids: Record<string, number> = {}

    before(async () => {
      for (const o of await rowsOf(web.database, 'offices', ['organisation_id', 'short_name']))
        ids[o.short_name] = o.organisation_id
    })

    const settingsOf = (id: number) =>
      web.database.db
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

    /** Sets columns of the office of the organisation `office`. */
    const setOffice = (office: number, values: Updateable<DB['offices']>) =>
      updateRows(web.database, 'offices', values, { organisation_id: office })

    /** Records that Hampshire's office passed its functions to `successor` on 8 May 2028; returns its settings then. */
    const hampshirePassesTo = async (successor: number) => {
      await new PublicOfficeService(web.database).recordSuccession(
        { officeId: ids.Hampshire!, successorId: successor, on: '2028-05-08' },
        SYSTEM_ACTOR,
      )
      return settingsOf(successor)
    }

    /** Takes back a succession a test recorded, so that the next test starts from the register as loaded. */
    const undoSuccession = (office: number) => setOffice(office, { successor_id: null, functions_passed_on: null })

    test('the successor takes the contact and accent colour it has not set, and keeps its own title, formats and copyright', async () => {
      const hampshire = ids.Hampshire!
      const essex = ids.Essex!
      await setOffice(hampshire, {
        contact: 'Write to the Hampshire office, Winchester',
        accent_colour: '#1d70b8',
        copyright_holder: 'Hampshire OPCC',
      })
      await setOffice(essex, {
        contact: null,
        accent_colour: null,
        copyright_holder: null,
        decision_maker_title: 'Mayor',
      })
      const before = await settingsOf(essex)
      const afterwards = await hampshirePassesTo(essex)
      assert.equal(afterwards.contact, 'Write to the Hampshire office, Winchester')
      assert.equal(afterwards.accent_colour, '#1d70b8')
      assert.equal(afterwards.copyright_holder, null, 'the copyright line stays the successor’s own (its name)')
      assert.equal(afterwards.decision_maker_title, 'Mayor')
      assert.equal(afterwards.reference_format, before.reference_format)
      assert.equal(afterwards.open_data_prefix, before.open_data_prefix)
      const contact = await (
        await fetch(
          `${web.baseUrl}/offices/${await valueOf(web.database, 'offices', 'slug', { organisation_id: essex })}/contact`,
        )
      ).text()
      assert.match(contact, /Write to the Hampshire office, Winchester/)
      await undoSuccession(hampshire)
    })

    test('a successor’s own contact and colour are never replaced', async () => {
      const hampshire = ids.Hampshire!
      const notts = ids.Nottinghamshire!
      await setOffice(notts, { contact: 'Nottinghamshire’s own contact', accent_colour: '#00703c' })
      const afterwards = await hampshirePassesTo(notts)
      assert.equal(afterwards.contact, 'Nottinghamshire’s own contact')
      assert.equal(afterwards.accent_colour, '#00703c')
      await undoSuccession(hampshire)
    })

    test('historic decisions keep the decision maker’s title of their time, on the successor’s pages too', async () => {
      const hampshire = ids.Hampshire!
      const essex = ids.Essex!
      const decision = await web.database.db
        .selectFrom('decisions')
        .select(['id', 'slug', 'decision_maker_title'])
        .where('office_id', '=', hampshire)
        .where('status', '=', 'published')
        .where('slug', 'is not', null)
        .executeTakeFirstOrThrow()
      await updateRows(
        web.database,
        'decisions',
        { decision_maker_title: 'Police and Crime Commissioner' },
        { id: decision.id },
      )
      await setOffice(essex, { decision_maker_title: 'Mayor' })
      await hampshirePassesTo(essex)
      const row = await rowOf(web.database, 'decisions', ['decision_maker_title'], { id: decision.id })
      assert.equal(row.decision_maker_title, 'Police and Crime Commissioner')
      const essexSlug = await valueOf(web.database, 'offices', 'slug', { organisation_id: essex })
      const page = await fetch(`${web.baseUrl}/offices/${essexSlug}/decisions/${decision.slug}`)
      assert.equal(page.status, 200)
      const html = await page.text()
      assert.match(html, /Police and Crime Commissioner/)
      assert.doesNotMatch(html.replace(/<header[\s\S]*?<\/header>|<footer[\s\S]*?<\/footer>/g, ''), />\s*Mayor\s*</)
    })
  })
}
