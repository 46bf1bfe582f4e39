import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { extractFile, type ExtractedRecord } from '../../../src/extract/index.ts'

const seeds = path.resolve(process.cwd(), '../shared/seeds')

async function seed(prefix: string): Promise<{ record: ExtractedRecord; text: string }> {
  const name = readdirSync(seeds).find((file) => file.startsWith(prefix))
  assert.ok(name, `seed ${prefix} is missing`)
  return extractFile(path.join(seeds, name))
}

function codes(record: ExtractedRecord): string[] {
  return record.findings.map((f) => f.code)
}

function lineOf(text: string, line: number): string {
  return text.split('\n')[line - 1] ?? ''
}

/** A test of the seed numbered `number`, given what is read from it; skipped where shared/seeds is not present. */
function seedTest(
  number: string,
  title: string,
  body: (read: { record: ExtractedRecord; text: string }) => Promise<void> | void,
): void {
  test(`${number}: ${title}`, async (t) => {
    if (!existsSync(seeds)) return t.skip('shared/seeds is not present')
    await body(await seed(`${number}_`))
  })
}

seedTest('000', 'the Nottinghamshire notice template', async ({ record, text }) => {
  assert.equal(record.kind, 'decision')
  assert.equal(record.office, 'Nottinghamshire PCC')
  assert.equal(record.reference, '2021.021')
  assert.equal(record.title, 'Domestic Abuse Partnership Car Pilot')
  assert.equal(record.decision_date, '2021-03-16')
  assert.equal(record.total_amount, 47013)
  assert.deepEqual(
    record.awards.map((a) => [a.recipient, a.amount, a.via, a.route]),
    [
      ["Juno Women's Aid", 23966, 'Nottinghamshire County Council', 'framework_call_off'],
      ["Nottinghamshire Women's Aid", 23047, 'Nottinghamshire County Council', 'framework_call_off'],
    ],
  )
  assert.deepEqual(record.funding_sources, ['Community Safety Grant'])
  assert.deepEqual(record.areas, ['Ashfield', 'Mansfield'])
  assert.deepEqual(record.service_period, { start: '2021-04-01', end: '2022-03-31', extension: null })
  assert.deepEqual(record.findings, [])
  assert.match(lineOf(text, record.provenance.reference!.line), /2021\.021/)
  assert.match(lineOf(text, record.provenance.decision_date!.line), /16\/3\/21/)
  assert.match(record.provenance['awards[0]']!.text, /23,966 to Juno/)
})

seedTest('000', 'the sign-off dates are read with their roles', async ({ text }) => {
  const { extractDraft } = await import('../../../src/extract/extract-text.ts')
  const { buildDoc } = await import('../../../src/extract/document.ts')
  const { readLabels } = await import('../../../src/extract/labels.ts')
  const { readDates } = await import('../../../src/extract/signoffs.ts')
  const doc = buildDoc(text)
  const dates = readDates(doc, readLabels(doc), 'decision')
  assert.deepEqual(
    dates.signoffs.map((s) => [s.role, s.date]),
    [
      ['finance', '2021-03-10'],
      ['officer', '2021-03-15'],
      ['decision_maker', '2021-03-16'],
    ],
  )
  assert.equal(dates.received?.date, '2021-03-09')
  assert.equal(extractDraft(text, 'x').decisionDate, '2021-03-16')
})

seedTest('001', 'budget tables, routes per row, and both inconsistencies', async ({ record, text }) => {
  assert.equal(record.kind, 'decision')
  assert.equal(record.office, 'Nottinghamshire PCC')
  assert.equal(record.reference, '2024.006')
  assert.equal(record.title, 'DA Perpetrator/IOM Survivor Support Service')
  assert.equal(record.decision_date, '2024-03-01')
  assert.equal(record.total_amount, 429795.55)
  assert.equal(record.awards.length, 18, 'one award per non-empty cell of the two tables')
  const periods = new Set(record.awards.map((a) => a.period))
  assert.deepEqual([...periods], ['Oct23- Mar24', 'Apr24- Mar25', 'Apr25- Sept25'])
  const nwa = record.awards.find((a) => a.recipient === "Nottinghamshire Women's Aid" && a.period === 'Oct23- Mar24')
  assert.deepEqual([nwa?.amount, nwa?.via], [11417, 'Nottinghamshire County Council'])
  assert.ok(record.awards.some((a) => a.recipient === 'Juno' && a.route === 'direct_award' && a.amount === 13214.55))
  assert.ok(record.awards.some((a) => a.recipient === 'Equation' && a.via === 'Nottinghamshire City Council'))
  assert.ok(
    record.awards.some((a) => a.amount === 21296 && a.period === 'Apr25- Sept25'),
    'a cell without its £ is still read',
  )
  assert.ok(
    record.funding_sources.some((s) => /Home Office/.test(s)),
    'match funding for a Home Office grant',
  )

  const mismatch = record.findings.find((f) => f.code === 'total_mismatch' && /48,200\.12/.test(f.message))
  assert.ok(mismatch, 'the third-period column is £10 short')
  assert.match(mismatch.message, /£48,190\.12/)
  assert.match(lineOf(text, mismatch.line!), /^Total/)
  const garbled = record.findings.find((f) => f.code === 'unreadable_amount' && f.message.includes('15,5074.22'))
  assert.ok(garbled, 'the garbled cell is flagged')
  assert.match(garbled.message, /implies £15,084\.22/)
  assert.match(lineOf(text, garbled.line!), /Juno - County South/)
  const conflict = record.findings.find((f) => f.code === 'period_conflict')
  assert.ok(conflict, 'the programme ends in March 2025 but the budget runs to September 2025')
  assert.match(conflict.message, /31 March 2025/)
  assert.match(conflict.message, /30 September 2025/)
  assert.deepEqual([record.service_period.start, record.service_period.end], ['2023-10-01', '2025-03-31'])
  assert.ok(record.findings.some((f) => f.code === 'irregular_amount' && f.message.includes('14.611.50')))
  assert.ok(
    record.findings.some((f) => f.code === 'unreadable_amount' && /215,/.test(f.message)),
    'the broken totals line is flagged',
  )
  assert.ok(
    codes(record).every((code) =>
      ['total_mismatch', 'unreadable_amount', 'irregular_amount', 'period_conflict'].includes(code),
    ),
  )
})

seedTest('002', 'a numbered Essex report with per-annum contributions', async ({ record }) => {
  assert.equal(record.kind, 'report')
  assert.equal(record.office, 'Essex PFCC')
  assert.equal(record.reference, 'PCC036/18')
  assert.equal(record.title, 'Essex domestic abuse commissioning approach')
  assert.equal(record.decision_date, '2018-04-13')
  assert.equal(record.total_amount, 2125000)
  assert.deepEqual(
    record.contributions.map((c) => [c.organisation, c.amount, c.per_annum, c.up_to]),
    [
      ['Essex County Council', 1632000, true, false],
      ['Essex PFCC', 451000, true, false],
      ['Southend-on-Sea Borough Council', 25000, true, false],
      ['Thurrock Council', 17000, true, false],
    ],
  )
  assert.deepEqual(record.awards, [])
  assert.deepEqual(record.findings, [])
})

seedTest('003', 'Hampshire "up to" contributions, five-year term with an extension option', async ({ record }) => {
  assert.equal(record.kind, 'decision')
  assert.equal(record.office, 'Hampshire PCC')
  assert.equal(record.reference, 'PCCML/000407/2018')
  assert.match(
    record.title ?? '',
    /^Domestic Abuse Support Service for Victims \(Hampshire only\) and Domestic Abuse Perpetrators Service/,
  )
  assert.equal(record.decision_date, '2018-05-23')
  assert.deepEqual(
    record.contributions.map((c) => [c.organisation, c.amount, c.per_annum, c.up_to]),
    [
      ['Hampshire PCC', 294500, true, true],
      ['Hampshire County Council', 1483900, true, true],
      ['Hampshire PCC', 70000, true, true],
      ['Southampton City Council', 40000, true, true],
      ['Hampshire County Council', 100000, true, true],
    ],
  )
  assert.deepEqual([record.service_period.start, record.service_period.end], ['2019-04-01', '2024-03-31'])
  assert.match(record.service_period.extension ?? '', /extend for a further 2 years/)
  assert.ok(record.funding_sources.includes('Safer Communities Fund'))
  assert.ok(record.funding_sources.some((s) => /^Ministry of Justice/i.test(s)))
  assert.deepEqual(record.areas, ['Hampshire', 'Southampton'])
  assert.deepEqual(record.findings, [])
})

seedTest('004', 'a Nottinghamshire FOI response', async ({ record }) => {
  assert.equal(record.kind, 'foi_response')
  assert.equal(record.office, 'Nottinghamshire PCC')
  assert.equal(record.reference, '10653')
  assert.equal(record.decision_date, '2013-11-06')
  assert.deepEqual(
    record.awards.map((a) => [a.recipient, a.amount]),
    [['WAIS', 86000]],
  )
  assert.deepEqual(record.funding_sources, ['Community Safety Fund Grant'])
  assert.deepEqual(record.findings, [])
})
