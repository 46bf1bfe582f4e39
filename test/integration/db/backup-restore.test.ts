import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { backupOf } from '../../support/backup.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../support/database.ts'
import { restoreBackup, RestoreError } from '../../../src/db/backup-restore.ts'
import type { Database } from '../../../src/db/database.ts'
import { ApiTokenService } from '../../../src/services/accounts/api-tokens.ts'
import { SYSTEM_ACTOR } from '../../../src/services/audit/audit.ts'
import { UploadedDocuments } from '../../../src/services/open-data/staff-documents.ts'
import { addClassifiedRecords } from '../services/open-data/fixtures.ts'

const SIGNING_KEY = 'a test backup signing key'

async function backupText(database: Database): Promise<string> {
  return (await backupOf(database, SIGNING_KEY)).toString('utf8')
}

/** Table name → its row lines, as a backup writes them (every column but generated ones, in key order). */
function tablesOf(text: string): Map<string, string[]> {
  const tables = new Map<string, string[]>()
  let current: string[] | null = null
  for (const line of text.trim().split('\n')) {
    const value = JSON.parse(line) as Record<string, unknown>
    if (value['@'] === 'table') tables.set(String(value.name), (current = []))
    else if (value['@']) current = null
    else current!.push(JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))))
  }
  return tables
}

const engines = testEngines()
const pairs =
  engines.length > 1
    ? ([
        ['pglite', 'postgres'],
        ['postgres', 'pglite'],
      ] as const)
    : ([['pglite', 'pglite']] as const)

for (const [from, to] of pairs) {
  describe(`backup on ${from}, restore on ${to}`, () => {
    let source: TestDatabase
    let target: TestDatabase
    before(async () => {
      source = await openTestDatabase(from, { demo: true })
      await addClassifiedRecords(source.database)
      const user = await source.database.db.selectFrom('users').select('id').orderBy('id').executeTakeFirstOrThrow()
      await new ApiTokenService(source.database).create(user.id, { name: 'script', scope: 'write' }, SYSTEM_ACTOR)
      await new UploadedDocuments(source.database).store(
        { fileName: 'bytes.bin', mediaType: 'application/pdf', content: Buffer.from([0, 1, 2, 250, 255, 92, 39, 10]) },
        user.id,
        SYSTEM_ACTOR,
      )
      await source.database.db.updateTable('organisations').set({ merged_into_id: 12 }).where('id', '=', 13).execute()
      target = await openTestDatabase(to)
    })
    after(async () => {
      await source.dispose()
      await target.dispose()
    })

    test('every table comes back row for row, ids and sequences included', async () => {
      const text = await backupText(source.database)
      const summary = await restoreBackup(target.database, Readable.from([text]), SIGNING_KEY)
      const expected = tablesOf(text)
      const actual = tablesOf(await backupText(target.database))
      assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort())
      for (const [table, rows] of expected) assert.deepEqual(actual.get(table), rows, table)
      assert.equal(
        summary.rows,
        [...expected.values()].reduce((n, rows) => n + rows.length, 0),
      )
      assert.ok(expected.get('documents')!.length >= 1 && expected.get('audit_log')!.length >= 5)

      const document = await target.database.db
        .selectFrom('documents')
        .select('content')
        .where('file_name', '=', 'bytes.bin')
        .executeTakeFirstOrThrow()
      assert.deepEqual([...document.content], [0, 1, 2, 250, 255, 92, 39, 10])
      const found = await target.database.db
        .selectFrom('decisions')
        .select('id')
        .where('search', '@@', (eb) => eb.fn('to_tsquery', [eb.val('english'), eb.val('partnership')]))
        .execute()
      assert.ok(found.length > 0, 'generated search columns are rebuilt')
      const maxId = await target.database.db
        .selectFrom('organisations')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow()
      const added = await target.database.db
        .insertInto('organisations')
        .values({ kind: 'provider', name: 'After restore', slug: 'after-restore' })
        .returning('id')
        .executeTakeFirstOrThrow()
      assert.equal(added.id, Number(maxId.id) + 1)
    })

    test('a database that holds records is refused, and so is a truncated backup', async () => {
      const text = await backupText(source.database)
      await assert.rejects(
        restoreBackup(target.database, Readable.from([text]), SIGNING_KEY),
        (e: unknown) => e instanceof RestoreError && /already holds records/.test(e.message),
      )
      const empty = await openTestDatabase(to)
      try {
        const cut = text.split('\n').slice(0, 40).join('\n')
        await assert.rejects(
          restoreBackup(empty.database, Readable.from([cut]), SIGNING_KEY),
          (e: unknown) => e instanceof RestoreError && /stops short/.test(e.message),
        )
        const count = await empty.database.db
          .selectFrom('organisations')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
        assert.equal(Number(count.n), 0)
        await assert.rejects(restoreBackup(empty.database, Readable.from(['{"hello":1}\n']), SIGNING_KEY), RestoreError)
      } finally {
        await empty.dispose()
      }
    })

    test('a backup edited after it was written, or signed with another key, is refused and nothing is written', async () => {
      const text = await backupText(source.database)
      const lines = text.trimEnd().split('\n')
      const at = lines.findIndex((line) => line.includes('"slug"') && !line.startsWith('{"@"'))
      const edited =
        [...lines.slice(0, at), lines[at]!.replace(/"name":"[^"]*"/, '"name":"Edited"'), ...lines.slice(at + 1)].join(
          '\n',
        ) + '\n'
      assert.notEqual(edited, text)
      const closing = JSON.parse(lines.at(-1)!) as { manifest: { sha256: string } }
      closing.manifest.sha256 = 'f'.repeat(64)
      const forgedManifest = [...lines.slice(0, -1), JSON.stringify(closing)].join('\n') + '\n'
      const unsigned =
        [...lines.slice(0, -1), JSON.stringify({ ...JSON.parse(lines.at(-1)!), signature: undefined })].join('\n') +
        '\n'
      const empty = await openTestDatabase(to)
      try {
        await assert.rejects(
          restoreBackup(empty.database, Readable.from([edited]), SIGNING_KEY),
          (e: unknown) => e instanceof RestoreError && /does not match its manifest/.test(e.message),
        )
        await assert.rejects(
          restoreBackup(empty.database, Readable.from([forgedManifest]), SIGNING_KEY),
          (e: unknown) => e instanceof RestoreError && /signature does not match/.test(e.message),
        )
        await assert.rejects(
          restoreBackup(empty.database, Readable.from([text]), 'another key'),
          (e: unknown) => e instanceof RestoreError && /signature does not match/.test(e.message),
        )
        await assert.rejects(
          restoreBackup(empty.database, Readable.from([unsigned]), SIGNING_KEY),
          (e: unknown) => e instanceof RestoreError && /no signed manifest/.test(e.message),
        )
        const count = await empty.database.db
          .selectFrom('organisations')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
        assert.equal(Number(count.n), 0, 'nothing was written')
        const restored = await restoreBackup(empty.database, Readable.from([text]), SIGNING_KEY)
        assert.ok(restored.rows > 0, 'the untouched backup still restores')
      } finally {
        await empty.dispose()
      }
    })
  })
}
