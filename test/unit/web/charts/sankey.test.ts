import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildFlow, type FlowItem } from '../../../../src/domain/flow.ts'
import { flowColours, OTHER_COLOUR, PARTNER_COLOUR, sankeySvg, wrap } from '../../../../src/web/charts/sankey.ts'

const LONG = "Women's Aid Integrated Services for Survivors of Domestic Abuse in the East Midlands"

const item = (
  originKind: 'stream' | 'partner',
  originKey: string,
  originName: string | null,
  pence: number,
): FlowItem => ({
  originKind,
  originKey,
  originName,
  leadKey: '4',
  leadName: 'Borsetshire County Council',
  providerKey: '9',
  providerName: LONG,
  pence,
  upTo: false,
})

test('a long name wraps to two lines and the rest ends in an ellipsis; a short one stays whole', () => {
  assert.deepEqual(wrap('Haven Refuges', 24), ['Haven Refuges'])
  const lines = wrap(LONG, 24)
  assert.equal(lines.length, 2)
  assert.ok(lines.every((l) => l.length <= 24))
  assert.ok(lines[1]!.endsWith('…'))
  assert.deepEqual(wrap('Supercalifragilisticexpialidociouscouncil', 10), ['Supercali…'])
})

test('the diagram keeps each full name in a title, and each label in its own box', () => {
  const flow = buildFlow([
    item('stream', '1', 'Safer Streets Fund', 500_000),
    item('partner', '7', 'Felpersham City Council', 20_000),
  ])
  const svg = sankeySvg(flow, { id: 'flow', title: 'Flow of money, 2024/25', description: 'A test.' })
  assert.match(svg, new RegExp(`<title>${LONG.replace("'", '&#39;')}: £5,200.00</title>`))
  // Every group is one box: a rectangle, perhaps its colour bar, and its text, and nothing else draws text.
  const groups = svg.match(/<g>[\s\S]*?<\/g>/g) ?? []
  assert.equal(groups.length, flow.nodes.length)
  const outside = svg.replace(/<g>[\s\S]*?<\/g>/g, '')
  assert.deepEqual(
    [...outside.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]),
    ['Funding stream or partner', 'Lead commissioner', 'Provider'],
  )
})

test('streams take a colour each, partners purple, and the legend names every colour in words', () => {
  const items = Array.from({ length: 10 }, (_, i) => item('stream', String(i + 1), `Stream ${i + 1}`, 1_000 * (20 - i)))
  items.push(item('stream', '0', null, 500), item('partner', '50', 'Felpersham City Council', 700))
  const { colourOf, legend } = flowColours(buildFlow(items))
  assert.equal(colourOf.get('partner:50'), PARTNER_COLOUR.hex)
  assert.equal(colourOf.get('stream:0'), OTHER_COLOUR.hex)
  assert.equal(new Set(['stream:1', 'stream:2', 'stream:3'].map((id) => colourOf.get(id))).size, 3)
  assert.ok(legend.every((entry) => /^[A-Z][a-z]+( [a-z]+)?$/.test(entry.name) && entry.labels.length > 0))
  assert.deepEqual(legend.find((e) => e.hex === OTHER_COLOUR.hex)!.labels, [
    'Stream 9',
    'Stream 10',
    'Funding stream not recorded',
  ])
})
