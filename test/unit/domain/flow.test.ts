import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildFlow, NO_LEAD, NO_STREAM, type FlowLinkInput } from '../../../src/domain/flow.ts'

const link = (
  stage: 0 | 1 | 2,
  sourceKey: string,
  sourceName: string | null,
  targetKey: string,
  targetName: string | null,
  pence: number,
): FlowLinkInput => ({ stage, sourceKey, sourceName, targetKey, targetName, pence })

test('every column carries the whole amount, and links join neighbouring columns', () => {
  const flow = buildFlow([
    link(0, '1', 'Community Safety Grant', '9', 'Notts OPCC', 4_701_300),
    link(0, '0', null, '9', 'Notts OPCC', 1_000),
    link(1, '9', 'Notts OPCC', '5', 'County Council', 4_701_300),
    link(1, '9', 'Notts OPCC', '0', null, 1_000),
    link(2, '5', 'County Council', '7', 'Juno', 2_396_600),
    link(2, '5', 'County Council', '8', 'NWA', 2_304_700),
    link(2, '0', null, '6', 'Equation', 1_000),
  ])
  assert.equal(flow.totalPence, 4_702_300)
  for (let column = 0; column < 4; column++) {
    assert.equal(
      flow.nodes.filter((n) => n.column === column).reduce((s, n) => s + n.pence, 0),
      4_702_300,
      `column ${column}`,
    )
  }
  assert.ok(flow.nodes.some((n) => n.label === NO_LEAD && n.column === 2))
  assert.ok(flow.nodes.some((n) => n.label === NO_STREAM && n.column === 0))
  for (const l of flow.links) {
    const source = flow.nodes.find((n) => n.id === l.source)!
    const target = flow.nodes.find((n) => n.id === l.target)!
    assert.equal(target.column, source.column + 1)
  }
})

test('providers beyond the largest are gathered into one node', () => {
  const flow = buildFlow(
    [
      link(2, '0', null, 'a', 'A', 500),
      link(2, '0', null, 'b', 'B', 400),
      link(2, '0', null, 'c', 'C', 300),
      link(2, '0', null, 'd', 'D', 200),
    ],
    2,
  )
  const providers = flow.nodes.filter((n) => n.column === 3).map((n) => [n.label, n.pence])
  assert.deepEqual(providers, [
    ['A', 500],
    ['Other providers (2)', 500],
    ['B', 400],
  ])
})
