import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { PublicOfficeService } from '../../../../../../src/services/offices/public-offices.ts'
import {
  POPULATION_YEAR,
  POLICE_FORCE_AREA_POPULATIONS,
} from '../../../../../../src/domain/police-force-populations.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'
import { testEngines } from '../../../../../support/database.ts'
import { countOf } from '../../../../../support/rows.ts'
import { ESSEX_ADMIN, essexAdminSetUp, STAFF_PASSWORD } from '../../../../../support/staff.ts'

for (const engine of testEngines()) {
  describe(`an office's population (reference data and the staff page) on ${engine}`, () => {
    const { web, offices } = essexAdminSetUp(engine)

    const populationOf = (officeId: number) =>
      web.database.db
        .selectFrom('office_populations')
        .selectAll()
        .where('office_id', '=', officeId)
        .where('year', '=', POPULATION_YEAR)
        .executeTakeFirst()

    test('the reference data loads into offices named after a police force area, never over a recorded figure', async () => {
      await web.database.db.deleteFrom('office_populations').execute()
      await web.database.db
        .insertInto('office_populations')
        .values({ office_id: offices.hampshire, year: POPULATION_YEAR, population: 123, source: 'Recorded by staff' })
        .execute()
      const loaded = await new PublicOfficeService(web.database).loadReferencePopulations()
      assert.ok(loaded >= 2, `${loaded} offices given a population`)
      const essex = await populationOf(offices.essex)
      const reference = POLICE_FORCE_AREA_POPULATIONS.find((p) => p.area === 'Essex')!
      assert.equal(essex?.population, reference.population)
      assert.match(essex!.source, /ONS mid-2018/)
      assert.equal((await populationOf(offices.hampshire))?.population, 123, 'a figure staff recorded is kept')
      assert.equal(
        await new PublicOfficeService(web.database).loadReferencePopulations(),
        0,
        'loading again adds nothing',
      )
    })

    test('an office administrator records its population with the form; bad input is explained; it is audited', async () => {
      const client = new StaffClient(web.baseUrl)
      assert.equal((await client.signIn(ESSEX_ADMIN, STAFF_PASSWORD)).status, 302)
      const path = `/staff/offices/${offices.essex}/population`
      const page = await client.get(path)
      assert.equal(page.status, 200)
      assert.match(await page.text(), /Population of the area/)
      const html = await client.postRefused(path, { year: '20x2', population: '-5', source: '' })
      assert.match(html, /There is a problem/)
      assert.match(html, /href="#year">Enter the year of the estimate as 4 digits/)
      assert.match(html, /href="#population">Enter the population as a whole number/)
      assert.match(html, /href="#source">Enter where the figure comes from/)
      assert.equal(await countOf(web.database, 'office_populations', { office_id: offices.essex, year: 2022 }), 0)
      const saved = await client.post(path, { year: '2022', population: '1,900,000', source: 'ONS mid-2022 estimates' })
      assert.equal(saved.status, 302)
      assert.equal(saved.headers.get('location'), `${path}?done=1`)
      const after = await client.get(`${path}?done=1`)
      const afterHtml = await after.text()
      assert.match(afterHtml, /Population saved/)
      assert.match(afterHtml, /1,900,000/)
      assert.equal(
        await countOf(web.database, 'audit_log', { action: 'record population', office_id: offices.essex }),
        1,
      )
      // Another office's population is not this administrator's to see or change.
      assert.equal((await client.get(`/staff/offices/${offices.hampshire}/population`)).status, 404)
      const refused = await client.post(`/staff/offices/${offices.hampshire}/population`, {
        year: '2022',
        population: '1',
        source: 'x',
      })
      assert.equal(refused.status, 404)
      assert.equal(await countOf(web.database, 'office_populations', { office_id: offices.hampshire, year: 2022 }), 0)
    })
  })
}
