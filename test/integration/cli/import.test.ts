import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { Database } from '../../../src/db/database.ts'
import { cli } from '../../support/cli.ts'

describe('the import command', () => {
  let dir: string
  let dataDir: string
  let folder: string
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cr-import-cli-'))
    dataDir = join(dir, 'data')
    folder = join(dir, 'archive')
    mkdirSync(join(folder, 'older'), { recursive: true })
    copyFileSync('fixtures/documents/generated/f01-lincolnshire-small-grants.pdf', join(folder, 'lincolnshire.pdf'))
    copyFileSync(
      'fixtures/documents/generated/e01-wiltshire-decision-log.docx',
      join(folder, 'older', 'wiltshire.docx'),
    )
    copyFileSync('fixtures/documents/h01-northumbria-notice.html', join(folder, 'northumbria.html'))
    writeFileSync(join(folder, 'notes.json'), '{"not": "a document"}')
    writeFileSync(join(dir, 'empty.txt'), '')
    writeFileSync(join(dir, 'broken.pdf'), '%PDF-1.7\n\u0000\u0001garbage that is not a PDF body')
  })
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('a folder and files: each imported, bad files get one line each, a summary, and a non-zero exit', async () => {
    const run = await cli(
      [
        'import',
        folder,
        join(dir, 'empty.txt'),
        'fixtures/documents/a02-cumbria-isva-notice.txt',
        join(dir, 'broken.pdf'),
      ],
      { DATA_DIR: dataDir },
    )
    assert.equal(run.code, 1, run.stderr)
    const imported = run.stdout.split('\n').filter((l) => l.startsWith('imported'))
    assert.equal(imported.length, 4, run.stdout)
    assert.match(run.stdout, /imported {2}.*lincolnshire\.pdf → record \d+, awaiting review/)
    assert.match(run.stdout, /imported {2}.*older\/wiltshire\.docx/)
    assert.doesNotMatch(run.stdout + run.stderr, /notes\.json/)
    const errors = run.stderr.trim().split('\n')
    assert.equal(errors.length, 2, run.stderr)
    assert.equal(errors[0], `error: ${join(dir, 'empty.txt')}: the file is empty`)
    assert.ok(errors[1]!.startsWith(`error: ${join(dir, 'broken.pdf')}: `), errors[1])
    assert.match(run.stdout, /Imported 4, unchanged 0, failed 2\./)
  })

  test('the same documents again change nothing and say so', async () => {
    const run = await cli(['import', 'fixtures/documents/a02-cumbria-isva-notice.txt'], { DATA_DIR: dataDir })
    assert.equal(run.code, 0, run.stderr)
    assert.match(
      run.stdout,
      /unchanged fixtures\/documents\/a02-cumbria-isva-notice\.txt: the same document was imported before \(record \d+\); nothing changed/,
    )
    assert.match(run.stdout, /Imported 0, unchanged 1, failed 0\./)
  })

  test('a file over MAX_UPLOAD_BYTES is refused before it is read', async () => {
    const run = await cli(['import', 'fixtures/documents/generated/f01-lincolnshire-small-grants.pdf'], {
      DATA_DIR: join(dir, 'small'),
      MAX_UPLOAD_BYTES: '1000',
    })
    assert.equal(run.code, 1)
    assert.match(
      run.stderr,
      /^error: fixtures\/documents\/generated\/f01-lincolnshire-small-grants\.pdf: the file is too large \(.* MB; the limit is 0\.0 MB\)\n$/,
    )
  })

  test('nothing to import is a one-line error', async () => {
    const empty = join(dir, 'nothing')
    mkdirSync(empty)
    const run = await cli(['import', empty], { DATA_DIR: dataDir })
    assert.equal(run.code, 1)
    assert.match(run.stderr, /^commissioning-register: No documents to import in /)
  })

  test('what was imported is stored, unreviewed, with the original bytes', async () => {
    const database = await Database.open({ dataDir })
    try {
      const rows = await database.db
        .selectFrom('decisions as d')
        .innerJoin('documents as doc', 'doc.id', 'd.source_document_id')
        .select(['d.reference', 'd.status', 'd.review_status', 'doc.file_name', 'doc.media_type'])
        .orderBy('d.id')
        .execute()
      assert.equal(rows.length, 4)
      assert.ok(rows.every((r) => r.status === 'imported' && r.review_status === 'unreviewed'))
      assert.deepEqual(rows.map((r) => r.media_type).sort(), [
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'text/html',
        'text/plain',
      ])
    } finally {
      await database.close()
    }
  })

  test('a ZIP archive: each document in it imported by its path inside, the rest left alone', async () => {
    const zip = new JSZip()
    zip.file('2019/cumbria.txt', readFileSync('fixtures/documents/a02-cumbria-isva-notice.txt'))
    zip.file('2019/borsetshire.txt', readFileSync('fixtures/documents/a03-borsetshire-stalking-budget.txt'))
    zip.file('2019/budget.xlsx', 'not a document')
    const archive = join(dir, 'decisions.zip')
    writeFileSync(archive, await zip.generateAsync({ type: 'nodebuffer' }))
    writeFileSync(join(dir, 'broken.zip'), 'PK\u0003\u0004 not an archive')
    const run = await cli(['import', archive, join(dir, 'broken.zip')], { DATA_DIR: dataDir })
    assert.equal(run.code, 1, run.stderr)
    assert.match(run.stdout, /unchanged .*decisions\.zip\/2019\/cumbria\.txt: the same document was imported before/)
    assert.match(run.stdout, /imported {2}.*decisions\.zip\/2019\/borsetshire\.txt → record \d+, awaiting review/)
    assert.doesNotMatch(run.stdout, /budget\.xlsx/)
    assert.match(run.stderr, /broken\.zip: the ZIP archive is damaged/)
    assert.match(run.stdout, /Imported 1, unchanged 1, failed 1\./)
  })
})
