import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli } from '../../../support/cli.ts'

describe('the export, backup and restore commands', () => {
  let dir: string
  let source: Record<string, string>
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cr-open-data-cli-'))
    source = { DATA_DIR: join(dir, 'source'), PUBLIC_BASE_URL: 'https://register.example.org' }
    assert.equal((await cli(['demo'], source)).code, 0)
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('export 360giving writes a package to a file or to standard output', async () => {
    const file = join(dir, 'grants.json')
    const run = await cli(
      ['export', '360giving', '--from', '2021-01-01', '--to', '2021-12-31', '--output', file],
      source,
    )
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stderr, /Wrote 2 grants/)
    const data = JSON.parse(readFileSync(file, 'utf8')) as { grants: Array<{ url: string }> }
    assert.ok(data.grants.every((g) => g.url === 'https://register.example.org/decisions/nottinghamshire-2021-021'))
    const csv = await cli(['export', '360giving', '--format', 'csv', '--office', 'nopcc'], source)
    assert.equal(csv.code, 0, csv.stderr)
    assert.match(csv.stdout, /^\uFEFFIdentifier,Title,Description,Currency,Amount Awarded/)
    assert.ok(
      csv.stdout
        .trim()
        .split('\n')
        .slice(1)
        .every((line) => line.startsWith('360G-nopcc-')),
    )
  })

  test('bad options and an empty range are one line each, and write nothing', async () => {
    const bad = await cli(['export', '360giving', '--from', '1 April 2021'], source)
    assert.equal(bad.code, 1)
    assert.match(bad.stderr, /^commissioning-register: --from must be a date written YYYY-MM-DD\n$/)
    const file = join(dir, 'none.json')
    const empty = await cli(
      ['export', '360giving', '--from', '1990-01-01', '--to', '1990-12-31', '--output', file],
      source,
    )
    assert.equal(empty.code, 1)
    assert.match(empty.stderr, /no published awards to export/)
    assert.equal(existsSync(file), false)
  })

  test('backup, then restore into an empty data directory; a second restore is refused', async () => {
    const file = join(dir, 'register.jsonl')
    const backup = await cli(['backup', file], source)
    assert.equal(backup.code, 0, backup.stderr)
    assert.match(backup.stdout, /Backed up \d+ rows from \d+ tables/)
    const target = { DATA_DIR: join(dir, 'target') }
    const restore = await cli(['restore', file], target)
    assert.equal(restore.code, 0, restore.stderr)
    const [, rows] = /Backed up (\d+) rows/.exec(backup.stdout)!
    assert.match(restore.stdout, new RegExp(`Restored ${rows} rows`))
    const again = await cli(['restore', file], target)
    assert.equal(again.code, 1)
    assert.match(again.stderr, /^commissioning-register: The database already holds records/)
    const exported = await cli(['export', '360giving'], target)
    assert.equal(exported.code, 0, exported.stderr)
    assert.ok((JSON.parse(exported.stdout) as { grants: unknown[] }).grants.length >= 20)
  })
})
