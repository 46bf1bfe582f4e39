import { test } from 'node:test'
import assert from 'node:assert/strict'
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import { renderDocx } from '../../../scripts/generate-fixture-binaries.ts'
import { extractFromText } from '../../../src/extract/read.ts'
import { docxToText } from '../../../src/extract/readers/docx.ts'

const LIMITS = { maxExpandedBytes: 100 * 1024 * 1024, maxCompressionRatio: 100 }

async function word(children: Array<Paragraph | Table>): Promise<Uint8Array> {
  return Packer.toBuffer(new Document({ sections: [{ children }] }))
}

test('a Word paragraph is one line, with no blank line between paragraphs; empty paragraphs and tables are kept', async () => {
  const bytes = await word([
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Decision notice 2025/014')] }),
    new Paragraph({ children: [new TextRun('Title: Refuge support in Wexcombe')] }),
    new Paragraph({
      children: [new TextRun('The Commissioner approves a grant of '), new TextRun('£40,000 to Haven.')],
    }),
    new Paragraph({ children: [] }),
    new Paragraph({ children: [new TextRun('Allocations:')] }),
    new Table({
      rows: [
        new TableRow({
          children: [
            new TableCell({ children: [new Paragraph('Haven')] }),
            new TableCell({ children: [new Paragraph('£40,000')] }),
          ],
        }),
      ],
    }),
    new Paragraph({ children: [new TextRun('    indented continuation of a wrapped line')] }),
  ])
  assert.equal(
    await docxToText(bytes, LIMITS),
    [
      '# Decision notice 2025/014',
      '',
      'Title: Refuge support in Wexcombe',
      'The Commissioner approves a grant of £40,000 to Haven.',
      '',
      'Allocations:',
      '',
      'Haven\t£40,000',
      '',
      ' indented continuation of a wrapped line',
    ].join('\n'),
  )
})

test('a document typed line by line in Word reads as its text does', async () => {
  const text = [
    'Decision:',
    '',
    '(i)  To approve that refuge and outreach services are procured for a',
    '',
    '    period of 5 years with a total value of up to £1,200,000 (£240,000 p/a), funded by',
    '',
    '    £200,000 from Wexcombe Borough Council and £40,000 from the Office of the',
    '',
    '    Police and Crime Commissioner.',
    '',
    'Grants\tAmount',
    'Haven Trust\t£12,500',
    'Bridge Project\t£7,500',
  ].join('\n')
  const fromWord = extractFromText(await docxToText(await renderDocx(text), LIMITS), 'notice.docx').record
  const fromText = extractFromText(text, 'notice.txt').record
  assert.ok(fromText.contributions.length >= 2, 'the text reading finds the partners')
  assert.deepEqual(fromWord.contributions, fromText.contributions)
  assert.deepEqual(fromWord.awards, fromText.awards)
  assert.equal(fromWord.total_amount, fromText.total_amount)
})
