import { test } from 'node:test'
import assert from 'node:assert/strict'
import { publicText, withheldNotice } from '../../../src/domain/publication.ts'

const sections = [
  { heading: 'Background', body: 'Open background', withheld: false },
  { heading: 'Commercial terms', body: 'Secret pricing', withheld: true },
]

test('public text leaves out withheld sections', () => {
  const text = publicText({
    classification: 'partially_confidential',
    executiveSummary: 'Summary',
    decisionText: 'Approve',
    sections,
  })
  assert.match(text, /Open background/)
  assert.doesNotMatch(text, /Secret pricing|Commercial terms/)
  assert.match(text, /Summary[\s\S]*Approve/)
})

test('a confidential decision has no public text at all', () => {
  assert.equal(
    publicText({ classification: 'confidential', executiveSummary: 'Summary', decisionText: 'Approve', sections }),
    '',
  )
})

test('withheld notices cite the section of the Act', () => {
  assert.equal(
    withheldNotice('s.43 commercial interests'),
    'Withheld under section 43 of the Freedom of Information Act 2000',
  )
  assert.equal(withheldNotice(null), 'Withheld under the Freedom of Information Act 2000')
})
