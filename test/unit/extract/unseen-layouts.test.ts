import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extractFromText, type ExtractedRecord } from '../../../src/extract/index.ts'
import { spacedColumns } from '../../../src/extract/document.ts'

// Layouts of offices whose documents the rules were not written from. Each text is made up for the test.
const read = (lines: string[]): ExtractedRecord => extractFromText(lines.join('\n'), 'notice.txt').record
const awards = (record: ExtractedRecord): Array<[string, number]> =>
  record.awards.map((a) => [a.recipient, a.amount] as [string, number])

test('a table laid out with spaces instead of tabs or borders gives its awards', () => {
  const record = read([
    'Decision reference: EX/2025/003',
    'To allocate the grant to the providers below.',
    '',
    'Provider                 Service                  Amount',
    'Haven Refuge             Refuge (8 units)         £98,000',
    'Bridgeway Trust          Outreach                 £41,500',
    'Total                                             £139,500',
  ])
  assert.deepEqual(awards(record), [
    ['Haven Refuge', 98000],
    ['Bridgeway Trust', 41500],
  ])
  assert.equal(record.total_amount, 139500)
})

test('one line of prose with a wide gap stays prose', () => {
  assert.deepEqual(spacedColumns(['subject to     further approvals of £5,000.']), [
    'subject to     further approvals of £5,000.',
  ])
})

test('a page of decisions under "Decision Ref:" labels gives the victims entry: its reference, title, date and money', () => {
  const record = read([
    'Decisions April 2024 to June 2024',
    '',
    'Decision Ref: 2024-09',
    'Estates Strategy Refresh',
    'The Commissioner has approved a refreshed estates strategy at a cost of £310,000.',
    'Date of Decision: 18th June 2024',
    '',
    'Decision Ref: 2024-08',
    'Stalking Advocacy in Wyre',
    'The Commissioner has agreed to fund Aurora Advocacy to provide a stalking advocate in Wyre at a cost of £44,000 until 31 March 2025.',
    'Date of Decision: 3rd May 2024',
  ])
  assert.equal(record.reference, '2024-08')
  assert.equal(record.title, 'Stalking Advocacy in Wyre')
  assert.equal(record.decision_date, '2024-05-03')
  assert.equal(record.total_amount, 44000)
  assert.deepEqual(awards(record), [['Aurora Advocacy', 44000]])
  assert.equal(record.service_period.end, '2025-03-31')
  assert.equal(record.service_period.start, null, "the list's heading does not date the decision")
})

test('"Dated this 3rd day of May 2022" is the sign-off date', () => {
  const record = read([
    'DECISION NOTICE',
    'Reference\tD/0999',
    'Subject\tCounselling for survivors',
    'The Commissioner agrees a grant of £20,000 to Oakfield Counselling.',
    'Signed: A. Person, Police and Crime Commissioner',
    'Dated this 3rd day of May 2022',
  ])
  assert.equal(record.decision_date, '2022-05-03')
  assert.equal(record.kind, 'decision')
})

test("an office's name printed as a header is not the title; a label-led notice is a decision", () => {
  const record = read([
    'WESSEX POLICE AND CRIME COMMISSIONER',
    '',
    'Joint Commissioning of Refuge Services',
    '',
    'Decision Reference Number: WX-0141',
    'Decision summary:',
    'The Commissioner awards £12,000 to Haven Refuge.',
  ])
  assert.equal(record.title, 'Joint Commissioning of Refuge Services')
  assert.equal(record.kind, 'decision')
})

test('"the service will cost £1.85m per annum" states the total; partners\' shares in £m and £k are contributions', () => {
  const record = read([
    'Report reference: PCC/001/25',
    '2.1 The service will cost £1.85m per annum. The contributions are: £1.2m from NHS England, £425k from',
    'the PCC and £225k from Wessex County Council.',
  ])
  assert.equal(record.total_amount, 1850000)
  assert.deepEqual(
    record.contributions.map((c) => [c.amount, c.per_annum]),
    [
      [1200000, true],
      [425000, true],
      [225000, true],
    ],
  )
})

test('a wrapped line that opens with a date continues the sentence, so the period ends on that date', () => {
  const record = read([
    'The Commissioner is asked to extend the contract with Safe Harbour Advocacy for the ISVA service for twelve months, from 1 April 2022 to',
    '31 March 2023, at a cost of £148,300.',
  ])
  assert.equal(record.service_period.start, '2022-04-01')
  assert.equal(record.service_period.end, '2023-03-31')
  assert.deepEqual(awards(record), [['Safe Harbour Advocacy', 148300]])
})

test('the first line of a wrapped paragraph is not a headline figure', () => {
  const record = read([
    'Executive Summary',
    '',
    'For 2023/24 the Commissioner has made £450,000 available through the Community',
    'Safety Fund to support community groups.',
    '',
    'To award £12,400 to Elmbridge Borough Council to run stalking awareness sessions.',
  ])
  assert.equal(record.total_amount, null)
})

test('places listed after a served place are served too, whatever verb came first', () => {
  const record = read([
    "The Commissioner approves a grant of up to £45,000 per annum to Barnardo's for a children's domestic abuse worker in Sunderland and South Tyneside.",
    'To award £28,000 to Your Sanctuary for an outreach worker serving Runnymede and Spelthorne.',
  ])
  assert.deepEqual(record.areas, ['Sunderland', 'South Tyneside', 'Runnymede', 'Spelthorne'])
})

test('the same award in the summary without a period and in the recommendation with one is one award', () => {
  const record = read([
    'The Commissioner is asked to extend the contract with Safe Harbour Advocacy at a cost of £148,300.',
    'That the contract with Safe Harbour Advocacy is extended at a cost of £148,300 for 2022/23.',
  ])
  assert.deepEqual(
    record.awards.map((a) => [a.recipient, a.amount, a.period]),
    [['Safe Harbour Advocacy', 148300, '2022/23']],
  )
})

test('"has awarded £240,000 over two years to X" names the recipient after the duration', () => {
  const record = read([
    'The Commissioner has awarded £240,000 over two years to Choices Advocacy to run a stalking service.',
  ])
  assert.deepEqual(awards(record), [['Choices Advocacy', 240000]])
})

test('"the annual value is shared: A £X and B £Y" gives each partner\'s contribution', () => {
  const record = read([
    'To vary the refuge contract with Family Refuge so that its annual value rises to £310,000.',
    'The annual value is shared: Wirral Council £250,000 and the Office of the Police and Crime Commissioner for Merseyside £60,000.',
  ])
  assert.deepEqual(
    record.contributions.map((c) => [c.organisation, c.amount]),
    [
      ['Wirral Council', 250000],
      ['Office of the Police and Crime Commissioner for Merseyside', 60000],
    ],
  )
  assert.deepEqual(awards(record), [['Family Refuge', 310000]])
})

test('the only amount a decision gives, when it is what the decision grants, is its total; a question is not a title', () => {
  const record = read([
    'Decision Number: 2024/31',
    'This decision grants £86,500 to Next Link for advocacy.',
    'I approve the award of £86,500 to Next Link.',
  ])
  assert.equal(record.total_amount, 86500)
  const raised = read(['Members asked whether an increased budget of £1.74m would be enough?'])
  assert.equal(raised.total_amount, null)
  const foi = read(['Reference: FOI-1', 'Your request:', 'How much did the office spend on advocacy in 2022/23?'])
  assert.equal(foi.title, null)
})

test('a page heading that starts with the reference gives the title without it', () => {
  const record = read([
    'KPCC-0412 Refuge Places for Families 2025-27',
    '',
    'Decision Reference Number: KPCC-0412',
    'Date: 02/06/2025',
    'Decision summary:',
    'The Commissioner approves a grant of £84,000 to Harbour Refuge for family places over two years.',
  ])
  assert.equal(record.reference, 'KPCC-0412')
  assert.equal(record.title, 'Refuge Places for Families 2025-27')
})

test('what a grants round awarded is its total, not the budget it was awarded from', () => {
  const record = read([
    'Community Grants 2025/26',
    'Decision Reference Number: KPCC-0420',
    'Decision summary:',
    'The Commissioner has awarded a total of £148,612.40 to local projects through the community grants scheme.',
    'Background',
    'In 2025/26 the total budget for the scheme is £150,000.',
  ])
  assert.equal(record.total_amount, 148612.4)
})

test('a budget is the total when it is the only overall figure stated', () => {
  const record = read([
    'Recommissioning of the IDVA Service',
    'Decision Reference Number: KPCC-0431',
    'The total budget for the new service is £360,000 over three years.',
  ])
  assert.equal(record.total_amount, 360000)
})
