import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  buildFlow,
  contributionsCountedInYear,
  NO_LEAD,
  NO_PROVIDER,
  NO_STREAM,
  type FlowItem,
} from '../../../src/domain/flow.ts'

const item = (
  originKind: 'stream' | 'partner',
  originKey: string,
  originName: string | null,
  leadKey: string,
  leadName: string | null,
  providerKey: string,
  providerName: string | null,
  pence: number,
  upTo = false,
): FlowItem => ({ originKind, originKey, originName, leadKey, leadName, providerKey, providerName, pence, upTo })

test('every column carries the whole amount, streams and partners alike, and links join neighbouring columns', () => {
  const flow = buildFlow([
    item('stream', '1', 'Safer Streets Fund', '5', 'Borsetshire County Council', '7', 'Haven Refuges', 2_396_600),
    item('stream', '1', 'Safer Streets Fund', '5', 'Borsetshire County Council', '8', 'Northway Advocacy', 2_304_700),
    item('stream', '0', null, '0', null, '6', 'Lantern Trust', 1_000),
    item('partner', '12', 'Felpersham City Council', '5', 'Borsetshire County Council', '0', null, 50_000, true),
  ])
  assert.equal(flow.totalPence, 4_752_300)
  assert.equal(flow.streamPence, 4_702_300)
  assert.equal(flow.partnerPence, 50_000)
  assert.equal(flow.ceilingPence, 50_000)
  for (let column = 0; column < 3; column++) {
    assert.equal(
      flow.nodes.filter((n) => n.column === column).reduce((s, n) => s + n.pence, 0),
      flow.totalPence,
      `column ${column}`,
    )
  }
  const labels = flow.nodes.map((n) => n.label)
  assert.ok(labels.includes(NO_LEAD) && labels.includes(NO_STREAM) && labels.includes(NO_PROVIDER))
  assert.ok(labels.every((l) => !/^No |not stated/i.test(l)))
  for (const l of flow.links) {
    const source = flow.nodes.find((n) => n.id === l.source)!
    const target = flow.nodes.find((n) => n.id === l.target)!
    assert.equal(target.column, source.column + 1)
    assert.equal(flow.nodes.find((n) => n.id === l.origin)!.column, 0)
  }
  // The partner's money keeps its origin on its way to the provider, so its band keeps the partner's colour.
  const partnerOnward = flow.links.filter((l) => l.origin === 'partner:12' && l.source === 'lead:5')
  assert.deepEqual(
    partnerOnward.map((l) => [l.target, l.pence, l.ceilingPence]),
    [['provider:0', 50_000, 50_000]],
  )
  // Funding streams come before partners in the first column.
  assert.deepEqual(
    flow.nodes.filter((n) => n.column === 0).map((n) => n.kind),
    ['stream', 'stream', 'partner'],
  )
})

test('providers beyond the largest are gathered into one node', () => {
  const flow = buildFlow(
    [
      item('stream', '0', null, '0', null, 'a', 'A', 500),
      item('stream', '0', null, '0', null, 'b', 'B', 400),
      item('stream', '0', null, '0', null, 'c', 'C', 300),
      item('stream', '0', null, '0', null, 'd', 'D', 200),
    ],
    2,
  )
  const providers = flow.nodes.filter((n) => n.column === 2).map((n) => [n.label, n.pence])
  assert.deepEqual(providers, [
    ['A', 500],
    ['Other providers (2)', 500],
    ['B', 400],
  ])
})

test('a recorded contribution for the year replaces the partner’s yearly ceiling; other years keep the ceiling', () => {
  const rows = [
    { partnerKey: '3', serviceId: 1, financialYear: null, perAnnum: true, upTo: true, pence: 100_000 },
    { partnerKey: '3', serviceId: 1, financialYear: 2022, perAnnum: false, upTo: false, pence: 80_000 },
    { partnerKey: '4', serviceId: 1, financialYear: null, perAnnum: true, upTo: true, pence: 20_000 },
    { partnerKey: '3', serviceId: 2, financialYear: null, perAnnum: true, upTo: true, pence: 5_000 },
  ]
  assert.deepEqual(
    contributionsCountedInYear(rows, 2022).map((r) => r.pence),
    [80_000, 20_000, 5_000],
  )
  assert.deepEqual(
    contributionsCountedInYear(rows, 2023).map((r) => r.pence),
    [100_000, 20_000, 5_000],
  )
})
