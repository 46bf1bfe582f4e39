import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../support/database.ts'
import { validatePackage, type ExportedGrant } from '../../../support/three-sixty-giving.ts'
import { InvalidExportError, OpenDataService } from '../../../../src/services/open-data/index.ts'
import { generateRegister } from '../../../../bench/generate.ts'
import { addClassifiedRecords, leakedSecrets } from './fixtures.ts'

type Grant = ExportedGrant

for (const engine of testEngines()) {
  describe(`360Giving export on ${engine}`, () => {
    let t: TestDatabase
    let openData: OpenDataService
    const dir = mkdtempSync(join(tmpdir(), 'cr-360-'))
    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      await addClassifiedRecords(t.database)
      openData = new OpenDataService(t.database, { baseUrl: 'https://register.example.org/' })
    })
    after(async () => {
      await t.dispose()
      rmSync(dir, { recursive: true, force: true })
    })

    const exportJson = async (name: string, options: { from?: string; to?: string } = {}) => {
      const file = join(dir, name)
      const summary = await openData.export360ToFile(file, { format: 'json', ...options })
      const data = JSON.parse(readFileSync(file, 'utf8')) as { grants: Grant[] }
      return { summary, data, text: readFileSync(file, 'utf8') }
    }

    test('the demonstration register exports as a valid 360Giving package of its public awards', async () => {
      const { summary, data, text } = await exportJson('demo.json')
      assert.deepEqual(validatePackage(data), [])
      assert.equal(data.grants.length, summary.grants)
      const car = data.grants.filter((g) => g.url === 'https://register.example.org/decisions/nottinghamshire-2021-021')
      assert.deepEqual(car.map((g) => g.amountAwarded).sort(), [23047, 23966])
      assert.ok(car.every((g) => g.awardDate === '2021-03-16' && /^360G-nopcc-\d+$/.test(g.id)))
      assert.deepEqual(leakedSecrets(text), [])
      assert.ok(data.grants.some((g) => g.title.startsWith('Open decision with a withheld award')))
      assert.ok(data.grants.some((g) => g.title.startsWith('Partially confidential decision')))
    })

    test('identifiers are stable across exports and a date range narrows the grants', async () => {
      const first = await exportJson('a.json')
      const second = await exportJson('b.json')
      assert.deepEqual(
        first.data.grants.map((g) => g.id),
        second.data.grants.map((g) => g.id),
      )
      const ranged = await exportJson('c.json', { from: '2021-01-01', to: '2021-12-31' })
      assert.ok(ranged.data.grants.length >= 2)
      assert.ok(ranged.data.grants.every((g) => g.awardDate >= '2021-01-01' && g.awardDate <= '2021-12-31'))
      assert.deepEqual(validatePackage(ranged.data), [])
    })

    test('recipients with a known number get org-id identifiers; others the 360Giving convention', async () => {
      await t.database.db
        .updateTable('organisations')
        .set({ charity_number: '1234567' })
        .where('name', '=', "Juno Women's Aid")
        .execute()
      await t.database.db
        .updateTable('organisations')
        .set({ company_number: '12345' })
        .where('name', '=', 'Equation')
        .execute()
      const { data } = await exportJson('ids.json')
      const idsOf = (name: string) =>
        new Set(
          data.grants
            .filter((g) => g.recipientOrganization[0]!.name === name)
            .map((g) => g.recipientOrganization[0]!.id),
        )
      assert.ok(idsOf("Juno Women's Aid").has('GB-CHC-1234567'))
      assert.deepEqual([...idsOf('Equation')], ['GB-COH-00012345'])
      assert.ok([...idsOf("Nottinghamshire Women's Aid")].every((id) => /^360G-nopcc-org-\d+$/.test(id)))
    })

    test('the CSV export has one row per grant in the 360Giving column layout', async () => {
      const file = join(dir, 'demo.csv')
      const summary = await openData.export360ToFile(file, { format: 'csv' })
      const rows = parse(readFileSync(file, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>
      assert.equal(rows.length, summary.grants)
      assert.ok(rows.some((r) => r['Amount Awarded'] === '23966.00' && r['Award Date'] === '2021-03-16'))
      assert.ok(
        'Recipient Org:Identifier' in rows[0]! && 'Funding Org:Name' in rows[0]! && 'Grant Programme:Title' in rows[0]!,
      )
    })

    test('an export that would not validate fails with its problems and writes nothing', async () => {
      await t.database.db
        .updateTable('decisions')
        .set({ date_decided: null, date_published: null, status: 'imported' })
        .where('reference', '=', '2021.021')
        .execute()
      const file = join(dir, 'bad.json')
      await assert.rejects(openData.export360ToFile(file, { format: 'json' }), (error: unknown) => {
        assert.ok(error instanceof InvalidExportError)
        assert.ok(error.problems.some((p) => /^360G-nopcc-\d+$/.test(p.where) && /awardDate/.test(p.message)))
        return true
      })
      assert.equal(existsSync(file), false)
      await t.database.db
        .updateTable('decisions')
        .set({ date_decided: '2021-03-16', date_published: '2021-03-20', status: 'published' })
        .where('reference', '=', '2021.021')
        .execute()
    })

    test('an export of generated data validates too', async () => {
      const generated = await generateRegister(t.database, 150, 7)
      const { data, summary } = await exportJson('generated.json')
      assert.ok(summary.grants > generated.awards * 0.9)
      assert.deepEqual(validatePackage(data), [])
    })
  })
}
