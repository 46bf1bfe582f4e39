import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, truncateSync, writeFileSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'
import { renderPdf } from '../../../scripts/generate-fixture-binaries.ts'
import { ExtractError, extractBuffer, extractFile } from '../../../src/extract/index.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'extract-bad-'))
test.after(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, bytes: Uint8Array | string): string {
  const full = path.join(dir, name)
  writeFileSync(full, bytes)
  return full
}

function noise(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length)
  let state = seed
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0
    bytes[i] = state >>> 24
  }
  return bytes
}

async function rejects(promise: Promise<unknown>, code: string, reason: RegExp, name: string): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof ExtractError, `an ExtractError, not ${String(error)}`)
    assert.equal(error.code, code)
    assert.match(error.reason, reason)
    assert.ok(error.message.startsWith(name), `the message names the file: ${error.message}`)
    return true
  })
}

test('an empty file', async () => {
  const name = file('empty.txt', '')
  await rejects(extractFile(name), 'empty', /empty/, name)
  const blank = file('blank.txt', '   \n\n\t  \n')
  await rejects(extractFile(blank), 'empty', /no text/, blank)
})

test('binary noise', async () => {
  const name = file('noise.txt', noise(4096))
  await rejects(extractFile(name), 'binary', /binary data/, name)
  await rejects(extractBuffer(noise(2048, 99), 'upload.bin', 'text/plain'), 'binary', /binary data/, 'upload.bin')
})

test('a corrupt PDF', async () => {
  const name = file('corrupt.pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage garbage\n%%EOF')
  await rejects(extractFile(name), 'corrupt', /damaged|could not be read/, name)
  const notPdf = file('fake.pdf', 'this is not a PDF at all')
  await rejects(extractFile(notPdf), 'corrupt', /does not start with %PDF/, notPdf)
})

test('a password-protected PDF', async () => {
  const name = file('locked.pdf', await renderPdf('Ref: 2024.001\nTITLE: Secret', { password: 'letmein' }))
  await rejects(extractFile(name), 'encrypted', /password-protected/, name)
})

test('unsupported types', async () => {
  await rejects(
    extractFile(file('scan.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]))),
    'unsupported',
    /PNG image/,
    path.join(dir, 'scan.png'),
  )
  await rejects(
    extractFile(file('budget.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('xl/workbook.xml')]))),
    'unsupported',
    /ZIP archive that is not a Word document/,
    path.join(dir, 'budget.xlsx'),
  )
  await rejects(
    extractFile(file('notes.xyz', 'Ref: 1')),
    'unsupported',
    /unsupported file type \(\.xyz\)/,
    path.join(dir, 'notes.xyz'),
  )
  await rejects(
    extractFile(file('old.doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))),
    'unsupported',
    /old-style Office file/,
    path.join(dir, 'old.doc'),
  )
})

test('a damaged Word document', async () => {
  const name = file(
    'broken.docx',
    Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from('word/document.xml'), noise(200)]),
  )
  await rejects(extractFile(name), 'corrupt', /Word document is damaged/, name)
})

test('a file over the size limit is refused before it is read', async () => {
  const name = file('huge.txt', '')
  truncateSync(name, 26 * 1024 * 1024)
  await rejects(extractFile(name), 'too_large', /too large \(26\.0 MB; the limit is 25\.0 MB\)/, name)
  await rejects(
    extractBuffer(Buffer.from('Ref: 1\nTitle: small'), 'small.txt', { maxBytes: 4 }),
    'too_large',
    /too large/,
    'small.txt',
  )
})

test('a missing file', async () => {
  await rejects(extractFile(path.join(dir, 'nope.txt')), 'unreadable', /no such file/, path.join(dir, 'nope.txt'))
})

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const runner = path.join(dir, 'cli.mts')
  const entry = pathToFileURL(path.resolve('src/cli/commands/extract.ts')).href
  const commander = pathToFileURL(path.resolve('node_modules/commander/esm.mjs')).href
  writeFileSync(
    runner,
    `import { Command } from '${commander}'\nimport { registerExtractCommand } from '${entry}'\nconst program = new Command('commissioning-register')\nregisterExtractCommand(program)\nawait program.parseAsync(process.argv)\n`,
  )
  const result = spawnSync(process.execPath, ['--import', 'tsx', runner, ...args], {
    encoding: 'utf8',
    cwd: process.cwd(),
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

test('the extract command reads the rest of a batch and exits non-zero when one file fails', () => {
  const good = path.join(dir, 'good.txt')
  copyFileSync('fixtures/documents/a01-notts-partnership-car.txt', good)
  const bad = file('bad.pdf', 'not a pdf')
  const result = runCli(['extract', bad, good, '--json'])
  assert.equal(result.status, 1)
  const records = JSON.parse(result.stdout) as Array<{ file: string; reference: string }>
  assert.deepEqual(
    records.map((r) => [r.file, r.reference]),
    [[good, '2021.021']],
  )
  assert.match(result.stderr, /bad\.pdf: the PDF is damaged or not a PDF/)
  assert.equal(
    result.stderr
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('error:')).length,
    1,
    'one error line for the one bad file',
  )
})

test("the extract command prints the issue's exact field set for one file, and a summary without --json", () => {
  const result = runCli(['extract', 'fixtures/documents/b01-essex-joint-da-report.txt', '--json'])
  assert.equal(result.status, 0)
  const record = JSON.parse(result.stdout) as Record<string, unknown>
  assert.deepEqual(Object.keys(record), [
    'file',
    'kind',
    'office',
    'reference',
    'title',
    'decision_date',
    'total_amount',
    'awards',
    'contributions',
    'funding_sources',
    'areas',
    'service_period',
    'findings',
    'provenance',
  ])
  assert.deepEqual(Object.keys((record.contributions as object[])[0]!), [
    'organisation',
    'amount',
    'per_annum',
    'up_to',
  ])
  assert.deepEqual(Object.keys(record.service_period as object), ['start', 'end', 'extension'])
  const human = runCli(['extract', 'fixtures/documents/a02-cumbria-isva-notice.txt'])
  assert.equal(human.status, 0)
  assert.match(human.stdout, /decision CPCC-2022-014 — Cumbria PCC/)
  assert.match(human.stdout, /error total_mismatch/)
})
