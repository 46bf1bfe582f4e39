import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildFlow, NO_LEAD, type FlowInput } from '../../../src/domain/flow.ts'

function row(recipient: string, pence: number, extra: Partial<FlowInput> = {}): FlowInput {
  return { streamKey: '1', streamName: 'Community Safety Grant', officeKey: '9', officeName: 'Notts OPCC', leadKey: '5', leadName: 'County Council', recipientKey: recipient, recipientName: recipient, pence, ...extra }
}

test('every column carries the whole amount, and links join neighbouring columns', () => {
  const flow = buildFlow([row('Juno', 2396600), row('NWA', 2304700), row('Equation', 1000, { leadKey: null, leadName: null, streamKey: null, streamName: null })])
  assert.equal(flow.totalPence, 4702300)
  for (let column = 0; column < 4; column++) {
    assert.equal(flow.nodes.filter((n) => n.column === column).reduce((s, n) => s + n.pence, 0), 4702300)
  }
  assert.ok(flow.nodes.some((n) => n.label === NO_LEAD))
  for (const link of flow.links) {
    const source = flow.nodes.find((n) => n.id === link.source)!
    const target = flow.nodes.find((n) => n.id === link.target)!
    assert.equal(target.column, source.column + 1)
  }
})

test('providers beyond the largest are gathered into one node', () => {
  const flow = buildFlow([row('A', 500), row('B', 400), row('C', 300), row('D', 200)], 2)
  const providers = flow.nodes.filter((n) => n.column === 3).map((n) => [n.label, n.pence])
  assert.deepEqual(providers, [['A', 500], ['Other providers (2)', 500], ['B', 400]])
})
