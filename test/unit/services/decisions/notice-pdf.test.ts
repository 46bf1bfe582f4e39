import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extractText, getDocumentProxy } from 'unpdf'
import { renderNoticePdf } from '../../../../src/services/decisions/notice-pdf.ts'

async function pdfText(pdf: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true })
  return text
}

test('the notice PDF prints Chinese, Japanese, emoji and accented Latin as text, not garbage', async () => {
  const pdf = await renderNoticePdf({
    officeName: 'Office of the Police and Crime Commissioner',
    title: '家庭暴力支援服务 Café Zoë',
    reference: '2025.001',
    blocks: [
      { type: 'paragraph', text: 'Refuge 🏠 for survivors, ひらがな カタカナ, Łódź and Ærøskøbing.' },
      { type: 'fields', rows: [['Recipient', '北京 Refuge 🙂']] },
    ],
  })
  const text = await pdfText(pdf)
  for (const expected of ['家庭暴力支援服务', 'Café Zoë', 'ひらがな', 'カタカナ', 'Łódź', 'Ærøskøbing', '北京'])
    assert.ok(text.includes(expected), `${expected} in ${text}`)
  assert.ok(text.includes('🏠') || text.includes('\u{1F3E0}'), 'the emoji is text in the PDF')
  assert.match(pdf.toString('latin1'), /FontFile/, 'fonts are embedded')
})

test('bidirectional controls do not reach the notice PDF', async () => {
  const pdf = await renderNoticePdf({
    officeName: 'Office',
    title: 'Invoice \u202Egnp.exe',
    reference: 'X1',
    blocks: [{ type: 'paragraph', text: 'A \u2066isolated\u2069 word' }],
  })
  const text = await pdfText(pdf)
  assert.ok(text.includes('Invoice gnp.exe'), text)
  assert.doesNotMatch(text, /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/)
})
