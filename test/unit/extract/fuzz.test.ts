import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extractFromText } from '../../../src/extract/index.ts'

/** Each document must finish well within this, however hostile its text (a runaway regular expression would not). */
const BOUND_MS = 3000

function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const TOKENS = [
  '£',
  '£1,000',
  '£15,5074.22',
  '£1.632m',
  'up to',
  'per annum',
  '1,',
  '.',
  ',',
  '\t',
  '\n',
  '\n\n',
  'Total',
  'Ref:',
  'TITLE:',
  'Date:',
  '16/3/21',
  '1st April 2019',
  'April',
  'to',
  'from',
  'until',
  'the',
  'Council',
  'County',
  'Police and Crime Commissioner',
  'PFCC',
  'contributes',
  'awarded',
  'Fund',
  'Grant',
  '(NWA)',
  'Ashfield',
  'and',
  '<b>',
  '</b>',
  '**',
  '|',
  '- OFFICIAL -',
  'option to extend',
  '2024/25',
  'Oct23- Mar24',
  'pounds',
  'thousand',
  'A',
  'Z',
  'é',
  '\u0000',
  '"',
  "'",
  '(',
  ')',
  '-',
  ':',
]

function randomDocument(next: () => number, length: number): string {
  const parts: string[] = []
  for (let i = 0; i < length; i++) parts.push(TOKENS[Math.floor(next() * TOKENS.length)]!, next() < 0.7 ? ' ' : '')
  return parts.join('')
}

const ADVERSARIAL: Record<string, string> = {
  'a pound sign before endless comma groups': `£${'1,'.repeat(50_000)}`,
  'one huge word': 'a'.repeat(200_000),
  'endless capitalised words': 'Abc '.repeat(50_000),
  'capitals without spaces': 'ABCDEFGHIJ'.repeat(20_000),
  'nested parentheses': `${'('.repeat(20_000)}NWA${')'.repeat(20_000)}`,
  'a table row of empty cells': `${'x\t'.repeat(2_000)}\n`.repeat(50),
  'the office name again and again': 'Nottinghamshire Police and Crime Commissioner '.repeat(3_000),
  'up to, up to, up to': `${'up to '.repeat(30_000)}£5`,
  slashes: '1/'.repeat(50_000),
  'a date range that never ends': '1 April 2019 to '.repeat(10_000),
  dots: '.'.repeat(100_000),
  digits: '1'.repeat(100_000),
  'labels on every line': 'Ref: a\n'.repeat(20_000),
  'a table of totals': 'Total\t£1\t£2\t£3\n'.repeat(5_000),
  'a column of garbled cells': `Name\t2024/25\t2025/26\n${'A\t£1,0000.00\t£2,00\n'.repeat(4_000)}Total\t£5\t£6\n`,
  'awards to the same names without a full stop': '£1 to Alpha Beta Gamma Delta '.repeat(8_000),
  'contributions without a full stop': 'Essex County Council contributes up to £1,000 per annum and '.repeat(3_000),
  'an e-mail address with a long host': `x@${'a-'.repeat(30_000)}b.pnn.police.uk`,
  'number words before pounds': `${'one two three four five six seven eight nine '.repeat(5_000)}pounds`,
  'unclosed tags': '<b>'.repeat(30_000),
  'place names after prepositions': 'in North '.repeat(20_000),
  'sign-off blocks': 'Chief Executive\nDate: 1/1/21\n'.repeat(5_000),
}

for (const [name, text] of Object.entries(ADVERSARIAL)) {
  test(`adversarial text finishes in bounded time: ${name}`, () => {
    const started = performance.now()
    const { record } = extractFromText(text, 'adversarial.txt')
    const elapsed = performance.now() - started
    assert.ok(elapsed < BOUND_MS, `${Math.round(elapsed)} ms`)
    assert.equal(record.file, 'adversarial.txt')
  })
}

test('random documents finish in bounded time and always give a well-formed record', () => {
  const next = random(20240601)
  let slowest = 0
  for (let i = 0; i < 150; i++) {
    const text = randomDocument(next, 50 + Math.floor(next() * 3_000))
    const started = performance.now()
    const { record } = extractFromText(text, `random-${i}.txt`)
    slowest = Math.max(slowest, performance.now() - started)
    assert.ok(['decision', 'report', 'foi_response'].includes(record.kind))
    for (const award of record.awards) assert.ok(Number.isFinite(award.amount))
    for (const finding of record.findings)
      assert.ok(finding.line === null || (finding.line >= 1 && finding.line <= text.split('\n').length))
    for (const source of Object.values(record.provenance))
      assert.ok(source.line >= 1 && source.line <= text.split('\n').length)
  }
  assert.ok(slowest < BOUND_MS, `slowest ${Math.round(slowest)} ms`)
})
