import { test } from 'node:test'
import assert from 'node:assert/strict'
import { findNarrative } from '../../../src/extract/narrative.ts'

test('the summary, decision and background are read under their headings, wrapped lines joined', () => {
  const text = [
    'Anyshire Police and Crime Commissioner',
    'Decision Record',
    '',
    'Reference: 2025/014',
    '',
    '1. Executive summary',
    'The refuge in Eastbridge needs two more',
    'bed spaces for families.',
    '',
    'This notice asks for funding for them.',
    '',
    'Provider\t2025/26\t2026/27',
    'Eastbridge Refuge\t£20,000.00\t£20,000.00',
    '',
    '2. Background',
    'Demand rose by a third in 2024.',
    '',
    'DECISION: I approve £40,000 to Eastbridge Refuge',
    'over two years.',
    '',
    'Signature: Police and Crime Commissioner',
    'Date: 3 March 2025',
  ].join('\n')
  assert.deepEqual(findNarrative(text), {
    summary:
      'The refuge in Eastbridge needs two more bed spaces for families.\n\nThis notice asks for funding for them.',
    decisionText: 'I approve £40,000 to Eastbridge Refuge over two years.',
    background: 'Demand rose by a third in 2024.',
  })
})

test('a capitalised heading ends a section; a sentence ending in a colon does not', () => {
  const text = [
    'EXECUTIVE SUMMARY:',
    'The service supports victims of stalking.',
    'The budget breakdown is as follows:',
    'The total is £10,000.',
    'FINANCIAL INFORMATION',
    'Revenue, in budget.',
    'RECOMMENDATIONS',
    'That the Commissioner approves the funding.',
  ].join('\n')
  const narrative = findNarrative(text)
  assert.equal(
    narrative.summary,
    'The service supports victims of stalking. The budget breakdown is as follows: The total is £10,000.',
  )
  assert.equal(narrative.decisionText, 'That the Commissioner approves the funding.')
  assert.equal(narrative.background, null)
})

test('a document without those headings has no narrative, and a very long section is cut at a word', () => {
  assert.deepEqual(findNarrative('Grant list\nJuno\t£1,000.00'), {
    summary: null,
    decisionText: null,
    background: null,
  })
  const long = findNarrative(`Summary\n${'word '.repeat(2000)}`).summary!
  assert.ok(long.length <= 4002, `${long.length} characters`)
  assert.match(long, /word …$/)
})
