import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { Database } from '../../../src/db/database.ts'
import { cli } from '../../support/cli.ts'

describe('the spend import command', () => {
  let dir: string
  let env: Record<string, string>
  const slug = 'nottinghamshire-office-of-the-police-and-crime-commissioner'
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cr-spend-cli-'))
    env = { DATA_DIR: join(dir, 'data') }
    const demo = await cli(['demo'], env)
    assert.equal(demo.code, 0, demo.stderr)
    writeFileSync(
      join(dir, 'spend.csv'),
      'Date,Supplier,Amount,Expense Type,Transaction Number\n14/05/2021,Juno Women\'s Aid,"£11,983.00",Grants,N1\n20/05/2021,Acme Print,£612.40,Printing,N2\n',
    )
    writeFileSync(
      join(dir, 'bad.csv'),
      'Date,Supplier,Amount,Expense Type,Transaction Number\n14/05/2021,Acme Print,£612.40,Printing,B1\n14/13/2021,Acme Print,£1.00,Printing,B2\n',
    )
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('imports a file once, matching what it can; a bad file is refused naming line and column', async () => {
    const first = await cli(['spend', 'import', join(dir, 'spend.csv'), '--office', slug], env)
    assert.equal(first.code, 0, first.stderr)
    assert.match(
      first.stdout,
      /Imported 2 payments from spend\.csv: 2 new, 0 already held; 1 matched to awards, 1 to review/,
    )
    const again = await cli(['spend', 'import', join(dir, 'spend.csv'), '--office', slug], env)
    assert.equal(again.code, 0, again.stderr)
    assert.match(again.stdout, /already imported \(2 payments\): nothing changed/)
    const bad = await cli(['spend', 'import', join(dir, 'bad.csv'), '--office', slug], env)
    assert.equal(bad.code, 1)
    assert.match(bad.stderr, /bad\.csv was not imported\. Line 3, column Date: "14\/13\/2021" is not a real date/)
    const unknown = await cli(['spend', 'import', join(dir, 'spend.csv'), '--office', 'nowhere'], env)
    assert.equal(unknown.code, 1)
    assert.match(unknown.stderr, /No office is known as "nowhere"/)
    const database = await Database.open({ dataDir: env.DATA_DIR! })
    try {
      const rows = await sql<{ n: number }>`select count(*) as n from spend_payments`.execute(database.db)
      assert.equal(Number(rows.rows[0]!.n), 2)
    } finally {
      await database.close()
    }
  })
})
