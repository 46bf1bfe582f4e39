import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { addDays, todayInLondon } from '../../../../../../src/domain/uk-date.ts'
import { SYSTEM_ACTOR } from '../../../../../../src/services/audit/audit.ts'
import { FoiService } from '../../../../../../src/services/foi/requests.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'
import { addStaff, signedIn, webAppSetUp } from '../../../../../support/staff.ts'
import { testEngines } from '../../../../../support/database.ts'

const references = (html: string) => [...html.matchAll(/href="\/staff\/foi\/\d+">([^<]+)<\/a>/g)].map((m) => m[1]!)

for (const engine of testEngines()) {
  describe(`the list of every FOI request on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let client: StaffClient
    const today = todayInLondon()

    before(async () => {
      await addStaff(web.database, { email: 'foi-list@test.example', name: 'List Officer', roles: ['officer'] })
      const foi = new FoiService(web.database)
      const officeId = await foi.officeFor(null)
      const log = (reference: string, receivedOn: string, summary: string) =>
        foi.log(
          {
            reference,
            receivedOn,
            channel: 'email',
            requesterName: 'Wren Tillotson',
            requesterContact: 'wren@example.org',
            summary,
            questions: [`What was spent on ${summary.toLowerCase()}?`],
          },
          officeId,
          SYSTEM_ACTOR,
        )
      // Received 60 days ago and unanswered: overdue. Received today: due in about four weeks.
      await log('LIST/OLD', addDays(today, -60), 'Helpline spending')
      const started = await log('LIST/NEW', today, 'Refuge spending')
      await foi.start(started.id, SYSTEM_ACTOR)
      for (let i = 1; i <= 26; i++)
        await log(`LIST/BULK/${String(i).padStart(2, '0')}`, '2020-06-01', `Bulk request ${i}`)
      client = await signedIn(web.baseUrl, 'foi-list@test.example')
    })

    test('filters by status, by how the deadline stands, by the date received and by words', async () => {
      const overdue = await (await client.get('/staff/foi/requests?due=overdue')).text()
      assert.ok(references(overdue).includes('LIST/OLD'))
      assert.ok(!references(overdue).includes('LIST/NEW'))
      assert.match(overdue, /Selected filters[\s\S]*Overdue/)

      const later = references(await (await client.get('/staff/foi/requests?due=later')).text())
      assert.ok(later.includes('LIST/NEW'))
      assert.ok(!later.includes('LIST/OLD'))

      const inProgress = references(await (await client.get('/staff/foi/requests?status=in_progress')).text())
      assert.ok(inProgress.includes('LIST/NEW'))
      assert.ok(!inProgress.includes('LIST/OLD'))

      const from = addDays(today, -61).split('-').reverse().join('/')
      const to = addDays(today, -59).split('-').reverse().join('/')
      const dated = references(await (await client.get(`/staff/foi/requests?from=${from}&to=${to}`)).text())
      assert.deepEqual(dated, ['LIST/OLD'])

      const words = await (await client.get('/staff/foi/requests?q=helpline')).text()
      assert.deepEqual(references(words), ['LIST/OLD'])
      assert.match(words, /href="\/staff\/foi\/requests">Clear filters/)
      assert.match(words, /1 request\b/)
    })

    test('pages 25 at a time, keeping the filters in the page links', async () => {
      const first = await (await client.get('/staff/foi/requests?q=bulk')).text()
      assert.match(first, /26 requests, page 1 of 2/)
      assert.equal(references(first).length, 25)
      assert.match(first, /href="\/staff\/foi\/requests\?q=bulk&amp;page=2"/)
      const second = await (await client.get('/staff/foi/requests?q=bulk&page=2')).text()
      assert.equal(references(second).length, 1)
      const beyond = await (await client.get('/staff/foi/requests?q=bulk&page=9')).text()
      assert.match(beyond, /page 2 of 2/)
    })

    test('bad filters get the error summary naming the field, and keep what was typed', async () => {
      const response = await client.get('/staff/foi/requests?from=31%2F2%2F2024&to=yesterday&status=lost')
      assert.equal(response.status, 400)
      const html = await response.text()
      assert.match(html, /href="#from">Received from must be a real date/)
      assert.match(html, /href="#to">Received to must be a real date/)
      assert.match(html, /href="#status">Choose a status/)
      assert.match(html, /value="31\/2\/2024"/)
      const reversed = await client.get('/staff/foi/requests?from=1%2F4%2F2024&to=1%2F3%2F2024')
      assert.match(await reversed.text(), /Received to must be the same as or after received from/)
    })
  })
}
