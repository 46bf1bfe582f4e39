import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderAtom } from '../../../../src/services/open-data/atom.ts'

/** XML 1.0 (fifth edition) production [2] Char: anything else makes the document not well-formed. */
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u

const feed = (title: string, summary: string) =>
  renderAtom(
    {
      title: `Decisions ${title}`,
      self: 'https://register.example/feeds/decisions.atom',
      alternate: 'https://register.example/',
      author: 'Office',
      entries: [
        {
          id: 1,
          reference: '2024.001',
          title,
          slug: '2024-001',
          officeName: 'Office\uFFFF',
          summary,
          published: '2024-05-01',
          updated: new Date('2024-05-01T10:00:00Z'),
        },
      ],
    },
    'https://register.example',
  )

test('text holding U+FFFE, U+FFFF, lone surrogates and controls still makes a well-formed feed', () => {
  const xml = feed('Refuge\uFFFE services \uD800 for \u0000 Essex', 'Summary \uDC00 with \u001B escape and \uFFFF')
  assert.match(xml, XML_CHAR)
  assert.match(xml, /<title>2024\.001 Refuge services {2}for {2}Essex<\/title>/)
  assert.match(xml, /<author><name>Office<\/name><\/author>/)
})

test('what XML allows is kept: emoji, right-to-left script, accents, tabs and new lines', () => {
  const xml = feed('Café 🏠 مأوى', 'line one\nline two\ttabbed')
  assert.match(xml, /<title>2024\.001 Café 🏠 مأوى<\/title>/)
  assert.match(xml, /<summary>line one\nline two\ttabbed<\/summary>/)
})
