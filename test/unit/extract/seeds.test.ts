import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { extractFile, type ExtractedRecord } from '../../../src/extract/index.ts'
import { assertStated, type Stated } from '../../support/cases.ts'

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

/** What must be read from each seed, field by field; the tests after it look closer at some of them. */
const readings: Array<{ number: string; about: string; reads: Stated<ExtractedRecord> }> = [
  {
    number: '000',
    about: 'the Nottinghamshire notice template',
    reads: {
      kind: 'decision',
      office: 'Nottinghamshire PCC',
      reference: '2021.021',
      title: 'Domestic Abuse Partnership Car Pilot',
      decision_date: '2021-03-16',
      total_amount: 47013,
      awards: [
        {
          recipient: "Juno Women's Aid",
          amount: 23966,
          via: 'Nottinghamshire County Council',
          route: 'framework_call_off',
        },
        {
          recipient: "Nottinghamshire Women's Aid",
          amount: 23047,
          via: 'Nottinghamshire County Council',
          route: 'framework_call_off',
        },
      ],
      funding_sources: ['Community Safety Grant'],
      areas: ['Ashfield', 'Mansfield'],
      service_period: { start: '2021-04-01', end: '2022-03-31', extension: null },
      findings: [],
    },
  },
  {
    number: '001',
    about: 'a Nottinghamshire decision on a perpetrator and survivor service',
    reads: {
      kind: 'decision',
      office: 'Nottinghamshire PCC',
      reference: '2024.006',
      title: 'DA Perpetrator/IOM Survivor Support Service',
      decision_date: '2024-03-01',
      total_amount: 429795.55,
      service_period: { start: '2023-10-01', end: '2025-03-31' },
    },
  },
  {
    number: '002',
    about: 'a numbered Essex report with per-annum contributions',
    reads: {
      kind: 'report',
      office: 'Essex PFCC',
      reference: 'PCC036/18',
      title: 'Essex domestic abuse commissioning approach',
      decision_date: '2018-04-13',
      total_amount: 2125000,
      contributions: [
        { organisation: 'Essex County Council', amount: 1632000, per_annum: true, up_to: false },
        { organisation: 'Essex PFCC', amount: 451000, per_annum: true, up_to: false },
        { organisation: 'Southend-on-Sea Borough Council', amount: 25000, per_annum: true, up_to: false },
        { organisation: 'Thurrock Council', amount: 17000, per_annum: true, up_to: false },
      ],
      awards: [],
      findings: [],
    },
  },
  {
    number: '003',
    about: 'Hampshire "up to" contributions over a five-year term',
    reads: {
      kind: 'decision',
      office: 'Hampshire PCC',
      reference: 'PCCML/000407/2018',
      decision_date: '2018-05-23',
      contributions: [
        { organisation: 'Hampshire PCC', amount: 294500, per_annum: true, up_to: true },
        { organisation: 'Hampshire County Council', amount: 1483900, per_annum: true, up_to: true },
        { organisation: 'Hampshire PCC', amount: 70000, per_annum: true, up_to: true },
        { organisation: 'Southampton City Council', amount: 40000, per_annum: true, up_to: true },
        { organisation: 'Hampshire County Council', amount: 100000, per_annum: true, up_to: true },
      ],
      service_period: { start: '2019-04-01', end: '2024-03-31' },
      areas: ['Hampshire', 'Southampton'],
      findings: [],
    },
  },
  {
    number: '004',
    about: 'a Nottinghamshire FOI response',
    reads: {
      kind: 'foi_response',
      office: 'Nottinghamshire PCC',
      reference: '10653',
      decision_date: '2013-11-06',
      awards: [{ recipient: 'WAIS', amount: 86000 }],
      funding_sources: ['Community Safety Fund Grant'],
      findings: [],
    },
  },
]

for (const { number, about, reads } of readings) seedTest(number, about, ({ record }) => assertStated(record, reads))

seedTest('000', 'each value is traced to the line it was read from', ({ record, text }) => {
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

seedTest('003', 'the long title, the option to extend and the funders', ({ record }) => {
  assert.match(
    record.title ?? '',
    /^Domestic Abuse Support Service for Victims \(Hampshire only\) and Domestic Abuse Perpetrators Service/,
  )
  assert.match(record.service_period.extension ?? '', /extend for a further 2 years/)
  assert.ok(record.funding_sources.includes('Safer Communities Fund'))
  assert.ok(record.funding_sources.some((s) => /^Ministry of Justice/i.test(s)))
})
