import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { documentLabel, openErrors } from '../../../../../../src/web/routes/staff/imports/review-view.ts'

describe('the review page’s view of a document and its findings', () => {
  test('the original document is described by its type and size, as GOV.UK describes an attachment', () => {
    assert.equal(documentLabel('notice.pdf', 'application/pdf', 48_128), 'PDF, 47 KB')
    assert.equal(
      documentLabel('notice.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 300),
      'Word document, 1 KB',
    )
    assert.equal(documentLabel('report.htm', 'application/octet-stream', 2 * 1024 * 1024 + 200_000), 'HTML, 2.2 MB')
    assert.equal(documentLabel('notes.txt', 'text/plain', 1076), 'Text, 1 KB')
  })

  test('only Error findings not yet acknowledged are to be acknowledged, numbered in order', () => {
    const base = { field: null, line: 3 }
    assert.deepEqual(
      openErrors([
        { ...base, id: 7, severity: 'warning', message: 'A warning' },
        { ...base, id: 8, severity: 'error', message: 'First' },
        {
          ...base,
          id: 9,
          severity: 'error',
          message: 'Done',
          acknowledged_at: new Date(),
          acknowledgement: 'Checked',
          acknowledged_by_label: 'Ina',
        },
        { ...base, id: 10, severity: 'error', message: 'Second' },
      ]),
      [
        { id: 8, number: 1, message: 'First', line: 3 },
        { id: 10, number: 2, message: 'Second', line: 3 },
      ],
    )
  })
})
