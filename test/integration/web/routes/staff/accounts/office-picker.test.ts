import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { AccountService } from '../../../../../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR } from '../../../../../../src/services/audit/audit.ts'
import { WorkflowService } from '../../../../../../src/services/decisions/workflow.ts'
import { addStaff, signedIn, webAppSetUp } from '../../../../../support/staff.ts'
import { testEngines } from '../../../../../support/database.ts'
import { homeOfficeId, officeIdOf } from '../../../../../support/records.ts'

for (const engine of testEngines()) {
  describe(`the office picker on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let nottsId = 0
    let essexId = 0

    before(async () => {
      nottsId = await homeOfficeId(web.database)
      essexId = await officeIdOf(web.database, 'Essex')
      const accounts = new AccountService(web.database)
      const both = await addStaff(web.database, {
        email: 'both@picker.example',
        name: 'Two Offices',
        roles: ['officer'],
        officeId: nottsId,
      })
      await accounts.setRoles(both.id, ['officer'], SYSTEM_ACTOR, essexId)
      await addStaff(web.database, {
        email: 'one@picker.example',
        name: 'One Office',
        roles: ['officer'],
        officeId: nottsId,
      })
      const workflow = new WorkflowService(web.database)
      const draft = (officeId: number, title: string) =>
        workflow.createDraft(
          {
            officeId,
            kind: 'decision',
            title,
            authorName: 'Two Offices',
            authorContact: null,
            executiveSummary: null,
            supportingInformation: null,
            recommendations: null,
            decisionText: null,
          },
          { userId: both.id, label: 'both' },
        )
      await draft(nottsId, 'Nottinghamshire picker draft')
      await draft(essexId, 'Essex picker draft')
    })

    test('someone in two offices chooses one: the header names it and lists show its records only', async () => {
      const client = await signedIn(web.baseUrl, 'both@picker.example')
      const home = await (await client.get('/staff')).text()
      assert.match(home, /Working in <strong>all your offices<\/strong>/)
      let list = await (await client.get('/staff/decisions')).text()
      assert.match(list, /Nottinghamshire picker draft/)
      assert.match(list, /Essex picker draft/)

      const page = await client.get('/staff/office')
      assert.equal(page.status, 200)
      const html = await page.text()
      assert.match(html, /Which office are you working in\?/)
      assert.match(html, /Essex/)

      const bad = await client.post('/staff/office', { office: '999999' })
      assert.equal(bad.status, 400)
      assert.match(await bad.text(), /href="#office">Choose the office you are working in/)

      const chosen = await client.post('/staff/office', { office: String(essexId) })
      assert.equal(chosen.status, 303)
      assert.equal(chosen.headers.get('location'), '/staff?office=changed')
      const after = await (await client.get('/staff?office=changed')).text()
      assert.match(after, /You are now working in Essex/)
      assert.match(after, /id="current-office">Working in <strong>Essex/)
      list = await (await client.get('/staff/decisions')).text()
      assert.doesNotMatch(list, /Nottinghamshire picker draft/)
      assert.match(list, /Essex picker draft/)

      await client.post('/staff/office', { office: 'all' })
      list = await (await client.get('/staff/decisions')).text()
      assert.match(list, /Nottinghamshire picker draft/)
      assert.match(list, /Essex picker draft/)
    })

    test('someone in one office is not offered the picker and cannot pick another office', async () => {
      const client = await signedIn(web.baseUrl, 'one@picker.example')
      assert.doesNotMatch(await (await client.get('/staff')).text(), /current-office/)
      await client.get('/staff/office')
      const refused = await client.post('/staff/office', { office: String(essexId) })
      assert.equal(refused.status, 400)
    })
  })
}
