import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { AccountService } from '../../../../../../src/services/accounts/accounts.ts'
import { SYSTEM_ACTOR } from '../../../../../../src/services/audit/audit.ts'
import { testEngines } from '../../../../../support/database.ts'
import { webAppSetUp } from '../../../../../support/staff.ts'
import { startDraftOnPage } from '../../../../../support/decision-draft.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'

const PASSWORD = 'a long walk along the canal towpath'

for (const engine of testEngines()) {
  describe(`a draft's list tasks (awards, contributions, appendices) on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let officer: StaffClient
    let id: string
    before(async () => {
      await new AccountService(web.database).create(
        { email: 'lists@tasks.example', name: 'List Keeper', roles: ['officer'], password: PASSWORD },
        SYSTEM_ACTOR,
      )
      officer = new StaffClient(web.baseUrl)
      await officer.signIn('lists@tasks.example', PASSWORD)
      id = (
        await startDraftOnPage(officer, {
          title: 'Helpline for Mansfield',
          authorName: 'List Keeper',
          executiveSummary: 'A helpline for Mansfield.',
          decisionText: 'Approve £12,000.',
        })
      ).id
    })

    const versionOf = async (path: string) =>
      /name="version" value="(\d+)"/.exec(await (await officer.get(path)).text())![1]!

    for (const [task, what] of [
      ['awards', 'award'],
      ['contributions', 'partner contribution'],
      ['appendices', 'appendix'],
    ] as const) {
      test(`${task}: no answer is refused on the summary page, naming it; an answer marks the task`, async () => {
        const path = `/staff/decisions/${id}/${task}`
        const refused = await officer.post(path, { version: await versionOf(path) })
        assert.equal(refused.status, 400)
        const html = await refused.text()
        assert.match(html, new RegExp(`Choose whether you have added every ${what}`))
        assert.match(html, /href="#completed"/)
        const marked = await officer.post(path, { version: await versionOf(path), completed: 'no' })
        assert.equal(marked.status, 303)
        assert.equal(marked.headers.get('location'), `/staff/decisions/${id}`)
        const stale = await officer.post(path, { version: '1', completed: 'yes' })
        assert.equal(stale.status, 400, 'a stale version is refused on the summary page')
      })
    }

    test('awards: "yes" is refused while an award is incomplete, naming its recipient', async () => {
      await web.database.db
        .insertInto('awards')
        .values({ decision_id: Number(id), recipient_name: 'Mansfield Helpline Trust', amount_pence: 1200000 })
        .execute()
      const path = `/staff/decisions/${id}/awards`
      const refused = await officer.post(path, { version: await versionOf(path), completed: 'yes' })
      assert.equal(refused.status, 400)
      assert.match(await refused.text(), /Complete the award to Mansfield Helpline Trust first/)
    })
  })
}
