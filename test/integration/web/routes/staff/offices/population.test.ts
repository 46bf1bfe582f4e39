import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { PublicOfficeService } from '../../../../../../src/services/offices/public-offices.ts'
import {
  POPULATION_YEAR,
  POLICE_FORCE_AREA_POPULATIONS,
} from '../../../../../../src/domain/police-force-populations.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'
import { testEngines } from '../../../../../support/database.ts'
import { officeIdOf } from '../../../../../support/records.ts'
import { addStaff, STAFF_PASSWORD, webAppSetUp } from '../../../../../support/staff.ts'

for (const engine of testEngines()) {
  describe(`an office's population (reference data and the staff page) on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let essexId = 0
    let hampshireId = 0

    before(async () => {
      essexId = await officeIdOf(web.database, 'Essex')
      hampshireId = await officeIdOf(web.database, 'Hampshire')
      await addStaff(web.database, {
        email: 'essex-admin@test.example',
        name: 'Essex Admin',
        roles: ['administrator'],
        officeId: essexId,
      })
    })

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
        .values({ office_id: hampshireId, year: POPULATION_YEAR, population: 123, source: 'Recorded by staff' })
        .execute()
      const loaded = await new PublicOfficeService(web.database).loadReferencePopulations()
      assert.ok(loaded >= 2, `${loaded} offices given a population`)
      const essex = await populationOf(essexId)
      const reference = POLICE_FORCE_AREA_POPULATIONS.find((p) => p.area === 'Essex')!
      assert.equal(essex?.population, reference.population)
      assert.match(essex!.source, /ONS mid-2018/)
      assert.equal((await populationOf(hampshireId))?.population, 123, 'a figure staff recorded is kept')
      assert.equal(
        await new PublicOfficeService(web.database).loadReferencePopulations(),
        0,
        'loading again adds nothing',
      )
    })

    test('an office administrator records its population with the form; bad input is explained; it is audited', async () => {
      const client = new StaffClient(web.baseUrl)
      assert.equal((await client.signIn('essex-admin@test.example', STAFF_PASSWORD)).status, 302)
      const path = `/staff/offices/${essexId}/population`
      const page = await client.get(path)
      assert.equal(page.status, 200)
      assert.match(await page.text(), /Population of the area/)
      const bad = await client.post(path, { year: '20x2', population: '-5', source: '' })
      assert.equal(bad.status, 400)
      const html = await bad.text()
      assert.match(html, /There is a problem/)
      assert.match(html, /href="#year">Enter the year of the estimate as 4 digits/)
      assert.match(html, /href="#population">Enter the population as a whole number/)
      assert.match(html, /href="#source">Enter where the figure comes from/)
      assert.equal(
        (
          await web.database.db
            .selectFrom('office_populations')
            .select('year')
            .where('office_id', '=', essexId)
            .where('year', '=', 2022)
            .execute()
        ).length,
        0,
      )
      const saved = await client.post(path, { year: '2022', population: '1,900,000', source: 'ONS mid-2022 estimates' })
      assert.equal(saved.status, 302)
      assert.equal(saved.headers.get('location'), `${path}?done=1`)
      const after = await client.get(`${path}?done=1`)
      const afterHtml = await after.text()
      assert.match(afterHtml, /Population saved/)
      assert.match(afterHtml, /1,900,000/)
      const audit = await web.database.db
        .selectFrom('audit_log')
        .select(['action', 'office_id'])
        .where('action', '=', 'record population')
        .where('office_id', '=', essexId)
        .execute()
      assert.equal(audit.length, 1)
      // Another office's population is not this administrator's to see or change.
      assert.equal((await client.get(`/staff/offices/${hampshireId}/population`)).status, 404)
      const refused = await client.post(`/staff/offices/${hampshireId}/population`, {
        year: '2022',
        population: '1',
        source: 'x',
      })
      assert.equal(refused.status, 404)
      assert.equal(
        (
          await web.database.db
            .selectFrom('office_populations')
            .select('year')
            .where('office_id', '=', hampshireId)
            .where('year', '=', 2022)
            .execute()
        ).length,
        0,
      )
    })
  })
}
