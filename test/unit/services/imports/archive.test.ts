import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import JSZip from 'jszip'
import { documentsInArchive, isArchive, MAX_ARCHIVE_DOCUMENTS } from '../../../../src/services/imports/archive.ts'
import { ImportError } from '../../../../src/services/imports/errors.ts'

async function zipOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const zip = new JSZip()
  for (const [name, content] of Object.entries(files)) zip.file(name, content)
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}

describe('documents in a ZIP archive', () => {
  test('each importable document by its path in the archive, in name order; folders, hidden files and others left out', async () => {
    const archive = await zipOf({
      'March/PCC-2019-036.txt': 'Decision notice PCC/2019/036',
      'April/notice.html': '<p>Decision</p>',
      'April/.DS_Store': 'x',
      '__MACOSX/April/._notice.html': 'x',
      'budget.xlsx': 'x',
      'readme.md': '# notes',
    })
    const documents = await documentsInArchive('archive.zip', archive, { maxBytes: 1024 * 1024 })
    assert.deepEqual(
      documents.map((d) => d.name),
      ['archive.zip/April/notice.html', 'archive.zip/March/PCC-2019-036.txt', 'archive.zip/readme.md'],
    )
    assert.equal(documents[1]!.bytes.toString('utf8'), 'Decision notice PCC/2019/036')
  })

  test('a document larger than the upload limit refuses the archive, naming the document and the limit', async () => {
    const archive = await zipOf({ 'big.txt': 'a'.repeat(3 * 1024 * 1024) })
    await assert.rejects(documentsInArchive('archive.zip', archive, { maxBytes: 1024 * 1024 }), (error: unknown) => {
      assert.ok(error instanceof ImportError)
      assert.match(error.reason, /big\.txt in the archive is 3 MB; the limit is 1 MB a document/)
      return true
    })
  })

  test('an archive expanding beyond the limit is refused before anything is expanded', async () => {
    const archive = await zipOf({ 'a.txt': 'a'.repeat(600_000), 'b.txt': 'b'.repeat(600_000) })
    await assert.rejects(
      documentsInArchive('archive.zip', archive, { maxBytes: 1024 * 1024, maxExpandedBytes: 1024 * 1024 }),
      /add up to 1\.1 MB once expanded; the limit is 1 MB/,
    )
  })

  test('more documents than one archive may hold are refused', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i <= MAX_ARCHIVE_DOCUMENTS; i++) files[`d${i}.txt`] = `decision ${i}`
    await assert.rejects(documentsInArchive('many.zip', await zipOf(files), { maxBytes: 1024 }), /upload at most 200/)
  })

  test('a damaged archive is refused as damaged', async () => {
    await assert.rejects(
      documentsInArchive('broken.zip', Buffer.from('PK\u0003\u0004 not really a zip'), { maxBytes: 1024 }),
      (error: unknown) => error instanceof ImportError && error.code === 'corrupt',
    )
  })

  test('an archive is told by its name, since a Word document is a ZIP too', () => {
    assert.equal(isArchive('Decisions 2019.ZIP'), true)
    assert.equal(isArchive('notice.docx'), false)
  })
})
