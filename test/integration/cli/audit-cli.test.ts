import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { Database } from '../../../src/db/database.ts'
import { AuditService } from '../../../src/services/audit/audit.ts'
import { cli, temporaryFolder } from '../../support/cli.ts'
import { deleteLastAuditEntries } from '../../support/audit.ts'

describe('audit publish-head and audit verify --heads', () => {
  const dir = temporaryFolder('cr-audit-cli-')

  test('heads saved outside the database find entries removed even when the heads table was emptied too', async () => {
    const dataDir = join(dir(), 'data')
    assert.equal((await cli(['migrate'], { DATA_DIR: dataDir })).code, 0)
    const office = await cli(['offices', 'add', '--name', 'Testshire OPCC', '--short-name', 'Testshire'], {
      DATA_DIR: dataDir,
    })
    assert.equal(office.code, 0, office.stderr)
    for (const name of ['a', 'b', 'c', 'd']) {
      assert.equal(
        (
          await cli(
            [
              'users',
              'add',
              '--email',
              `${name}@example.org`,
              '--name',
              name,
              '--role',
              'officer',
              '--password',
              'a long enough password',
            ],
            { DATA_DIR: dataDir },
          )
        ).code,
        0,
      )
    }
    const published = await cli(['audit', 'publish-head'], { DATA_DIR: dataDir })
    assert.equal(published.code, 0, published.stderr)
    assert.match(published.stdout, /Published: \d+ entries, head [0-9a-f]{64}/)

    const database = await Database.open({ dataDir })
    const heads = await new AuditService(database).publishedHeads()
    const headsFile = join(dir(), 'heads.json')
    writeFileSync(headsFile, JSON.stringify({ heads }))
    await database.transaction(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(trx)
      await sql`alter table audit_heads disable trigger audit_heads_append_only`.execute(trx)
      await deleteLastAuditEntries(trx, 2)
      await trx.deleteFrom('audit_heads').execute()
    })
    await database.close()

    const fromTable = await cli(['audit', 'verify'], { DATA_DIR: dataDir })
    assert.equal(fromTable.code, 0, 'with the heads table emptied too, the database alone cannot tell')
    const fromFile = await cli(['audit', 'verify', '--heads', headsFile], { DATA_DIR: dataDir })
    assert.equal(fromFile.code, 1)
    assert.match(fromFile.stderr, /tampered with: the head published .* is longer than the log/)
    const badFile = join(dir(), 'bad.json')
    writeFileSync(badFile, '{"heads": [{"entries": "x"}]}')
    const bad = await cli(['audit', 'verify', '--heads', badFile], { DATA_DIR: dataDir })
    assert.notEqual(bad.code, 0)
    assert.match(bad.stderr, /does not hold a list of published heads/)
  })
})
