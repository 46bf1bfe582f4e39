import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import {
  applyRule,
  isLayoutRule,
  layoutFingerprint,
  learnRule,
  mayBeAName,
  type LayoutRule,
  type LearnedField,
  type LearnedValue,
} from '../../../src/extract/layout-rules.ts'
import { LAYOUT_SERIES_DIR, runLearningEval } from '../../../scripts/eval-learning.ts'
import { assertStated } from '../../support/cases.ts'

const notice = (reference: string, title: string, date: string, total: string) =>
  [
    'RIVERTON CITY COUNCIL',
    'Officer Delegated Action',
    '',
    `Our ref: ${reference}`,
    'The matter',
    title,
    `Actioned on: ${date}`,
    'Contact: Community Safety Team',
    '',
    'Spend line\tValue',
    `Riverton Mediation Service\t${total}`,
    `Sum released: ${total}`,
  ].join('\n')

const first = notice('RCC-ODA-118', 'Mediation for neighbour disputes', '4 September 2023', '£12,400')
const second = notice('RCC-ODA-131', 'Street lighting survey', '22/11/2023', '£3,050.50')

/** The rule the first notice teaches for `field` from its corrected value, and what that rule reads in the second. */
function learnedFromFirst(field: LearnedField, corrected: LearnedValue) {
  const rule = learnRule(first, field, corrected)
  return { rule, inSecond: rule && applyRule(second, field, rule) }
}

test('a corrected value on a labelled line is learned as the label, and the label reads the next document of the layout', () => {
  assert.deepEqual(learnedFromFirst('reference', 'RCC-ODA-118'), {
    rule: { anchor: 'label', label: 'our ref' },
    inSecond: { value: 'RCC-ODA-131', line: 4, text: 'Our ref: RCC-ODA-131' },
  })
  assertStated(learnedFromFirst('decision_date', '2023-09-04'), {
    rule: { anchor: 'label', label: 'actioned on' },
    inSecond: { value: '2023-11-22' },
  })
  assertStated(
    learnedFromFirst('total_amount', 1240000),
    { rule: { anchor: 'label', label: 'sum released' }, inSecond: { value: 305050 } },
    'the labelled total, not the table row naming a provider',
  )
})

test('a value alone on its line is learned as the line after the label above it', () => {
  assert.deepEqual(learnedFromFirst('title', 'Mediation for neighbour disputes'), {
    rule: { anchor: 'after', label: 'the matter' },
    inSecond: { value: 'Street lighting survey', line: 6, text: 'Street lighting survey' },
  })
})

test('a value with no label is learned by its position among the lines', () => {
  const text = 'Grants to tenants groups\n\nAgreed on 1 May 2024.'
  const rule = learnRule(text, 'title', 'Grants to tenants groups')
  assert.deepEqual(rule, { anchor: 'line', index: 0 })
  assert.equal(
    applyRule('Youth club refurbishment\nAgreed on 3 June 2024.', 'title', rule!)?.value,
    'Youth club refurbishment',
  )
})

test('the kind is learned as the kind of the layout, and a value the document does not hold teaches nothing', () => {
  assert.deepEqual(learnRule(first, 'kind', 'decision'), { anchor: 'kind', kind: 'decision' })
  assert.equal(learnRule(first, 'kind', 'nonsense'), null)
  assert.equal(learnRule(first, 'reference', 'NOT-IN-IT'), null)
  assert.equal(learnRule(first, 'decision_date', '2020-01-01'), null)
})

test('a rule reads nothing from a document without its label', () => {
  const rule: LayoutRule = { anchor: 'label', label: 'our ref' }
  assert.equal(applyRule('Reference: X/1\nTitle: Something', 'reference', rule), null)
  assert.equal(applyRule(first, 'kind', rule), null)
})

test('rules keep label words or a position, never the value the reviewer typed', () => {
  for (const rule of [
    learnRule(first, 'reference', 'RCC-ODA-118'),
    learnRule(first, 'title', 'Mediation for neighbour disputes'),
    learnRule(first, 'total_amount', 1240000),
  ])
    assert.doesNotMatch(JSON.stringify(rule), /RCC-ODA-118|Mediation|12,400|1240000/)
})

test('stored rules are checked for their shape', () => {
  assert.ok(isLayoutRule({ anchor: 'label', label: 'our ref' }))
  assert.ok(isLayoutRule({ anchor: 'line', index: 2 }))
  assert.ok(!isLayoutRule({ anchor: 'label', label: '' }))
  assert.ok(!isLayoutRule({ anchor: 'line', index: -1 }))
  assert.ok(!isLayoutRule({ anchor: 'kind', kind: 'poem' }))
  assert.ok(!isLayoutRule(null))
})

test('documents of one layout share a fingerprint, and another layout has another', () => {
  assert.equal(layoutFingerprint(first), layoutFingerprint(second))
  const series = readdirSync(LAYOUT_SERIES_DIR).filter((f) => f.endsWith('.txt'))
  const prints = new Set(series.map((f) => layoutFingerprint(readFileSync(join(LAYOUT_SERIES_DIR, f), 'utf8'))))
  assert.equal(prints.size, 1)
  assert.notEqual(layoutFingerprint(first), [...prints][0])
  assert.match(layoutFingerprint(first), /^[0-9a-f]{16}$/)
})

test('on the layout series, two confirmed documents take the rest from partly wrong to every field right', () => {
  const result = runLearningEval()
  assert.ok(result.documents >= 6)
  assert.equal(result.confirmed, 2)
  const share = (r: { right: number; of: number }) => r.right / r.of
  assert.ok(share(result.before) < 1, 'the generic extractor gets the series partly wrong')
  assert.ok(share(result.after) > share(result.beforeRemaining))
  assert.ok(share(result.after) > share(result.before))
  assert.equal(share(result.after), 1, JSON.stringify(result.wrongAfter))
})

test('the fingerprint is made of the head of a document, and rules look through its first 2,000 lines', () => {
  const body = (n: number) => Array.from({ length: n }, (_, i) => `Line ${i} of the body text.`).join('\n')
  assert.equal(
    layoutFingerprint(`${first}\n${body(100)}\nLate label: text`),
    layoutFingerprint(`${first}\n${body(100)}`),
  )
  const rule: LayoutRule = { anchor: 'label', label: 'late ref' }
  assert.equal(applyRule(`${body(100)}\nLate ref: X/1`, 'reference', rule)?.value, 'X/1')
  assert.equal(applyRule(`${body(2100)}\nLate ref: X/1`, 'reference', rule), null)
})

test("a line that may be a person's name is never kept as a label: the value is learned by its position", () => {
  const text = ['Case review', 'Dana Whitlock', 'Support plan for the family', 'Dana Whitlock: 07700 900123'].join('\n')
  assert.deepEqual(learnRule(text, 'title', 'Support plan for the family'), { anchor: 'line', index: 2 })
  assert.equal(learnRule(text, 'reference', '07700 900123'), null)
  assert.ok(mayBeAName('Dana Whitlock'))
  assert.ok(mayBeAName('Mrs Okafor:'))
  assert.ok(!mayBeAName('Matter determined'))
  assert.ok(!mayBeAName('Date Signed'))
  assert.ok(!mayBeAName('Register entry'))
})
