import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  addMonths,
  currentEnd,
  latestPossibleEnd,
  pipelineWindow,
  recommissioningPipeline,
} from '../../../src/domain/pipeline.ts'

test('adds months keeping month ends at month ends', () => {
  assert.equal(addMonths('2024-03-31', 24), '2026-03-31')
  assert.equal(addMonths('2024-01-31', 1), '2024-02-29')
  assert.equal(addMonths('2024-02-29', 12), '2025-02-28')
  assert.equal(addMonths('2024-01-15', 13), '2025-02-15')
  assert.equal(addMonths('2024-03-31', -6), '2023-09-30')
})

test('the latest possible end counts every extension not yet taken', () => {
  const term = { endDate: '2024-03-31', extensionMonths: 24, extensionTakenMonths: 12 }
  assert.equal(currentEnd(term), '2025-03-31')
  assert.equal(latestPossibleEnd(term), '2026-03-31')
  assert.equal(
    latestPossibleEnd({ endDate: '2019-03-31', extensionMonths: null, extensionTakenMonths: 0 }),
    '2019-03-31',
  )
})

test('puts an end date in the 6, 12 or 18 month window', () => {
  assert.equal(pipelineWindow('2018-11-30', '2018-06-01'), 6)
  assert.equal(pipelineWindow('2018-12-01', '2018-06-01'), 6)
  assert.equal(pipelineWindow('2018-12-02', '2018-06-01'), 12)
  assert.equal(pipelineWindow('2019-12-01', '2018-06-01'), 18)
  assert.equal(pipelineWindow('2019-12-02', '2018-06-01'), null)
  assert.equal(pipelineWindow('2018-05-31', '2018-06-01'), null)
})

test('seed 003: both contracts end on 31 March 2019 with no successor decided yet, soonest first', () => {
  const candidates = [
    {
      item: 'new service',
      endDate: '2024-03-31',
      extensionMonths: 24,
      extensionTakenMonths: 0,
      successorDecidedOn: [],
    },
    {
      item: 'DAPP',
      endDate: '2019-03-31',
      extensionMonths: null,
      extensionTakenMonths: 0,
      successorDecidedOn: ['2018-05-23'],
    },
    {
      item: 'IDASH',
      endDate: '2019-03-31',
      extensionMonths: null,
      extensionTakenMonths: 0,
      successorDecidedOn: ['2018-05-23'],
    },
    { item: 'soon', endDate: '2018-09-30', extensionMonths: 5, extensionTakenMonths: 0, successorDecidedOn: [] },
  ]
  const before = recommissioningPipeline(candidates, '2018-05-01')
  assert.deepEqual(
    before.map((e) => [e.item, e.window, e.latestEnd]),
    [
      ['soon', 12, '2019-02-28'],
      ['DAPP', 12, '2019-03-31'],
      ['IDASH', 12, '2019-03-31'],
    ],
  )
  assert.equal(before[0]!.extensionAvailableMonths, 5)
  assert.equal(before[0]!.currentEnd, '2018-09-30')
  const after = recommissioningPipeline(candidates, '2018-06-01')
  assert.deepEqual(
    after.map((e) => e.item),
    ['soon'],
  )
})

test('a successor without a known decision date counts as decided', () => {
  const entries = recommissioningPipeline(
    [{ item: 'x', endDate: '2018-09-30', extensionMonths: null, extensionTakenMonths: 0, successorDecidedOn: [null] }],
    '2018-05-01',
  )
  assert.equal(entries.length, 0)
})
