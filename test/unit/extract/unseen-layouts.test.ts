import { test } from 'node:test'
import assert from 'node:assert/strict'
import { extractFromText, type ExtractedRecord } from '../../../src/extract/index.ts'
import { spacedColumns } from '../../../src/extract/document.ts'
import { assertStated, type Stated } from '../../support/cases.ts'

/** A document in the layout of an office whose documents the rules were not written from, and what is read from it. */
interface UnseenLayout {
  title: string
  reads: Stated<ExtractedRecord>
  lines: string[]
}

// Each text is made up for the test.
const layouts: UnseenLayout[] = [
  {
    title: 'a table laid out with spaces instead of tabs or borders gives its awards',
    reads: {
      awards: [
        { recipient: 'Haven Refuge', amount: 98000 },
        { recipient: 'Bridgeway Trust', amount: 41500 },
      ],
      total_amount: 139500,
    },
    lines: [
      'Decision reference: EX/2025/003',
      'To allocate the grant to the providers below.',
      '',
      'Provider                 Service                  Amount',
      'Haven Refuge             Refuge (8 units)         £98,000',
      'Bridgeway Trust          Outreach                 £41,500',
      'Total                                             £139,500',
    ],
  },
  {
    title:
      'a page of decisions under "Decision Ref:" labels gives the victims entry: its reference, title, date and money',
    reads: {
      reference: '2024-08',
      title: 'Stalking Advocacy in Wyre',
      decision_date: '2024-05-03',
      total_amount: 44000,
      awards: [{ recipient: 'Aurora Advocacy', amount: 44000 }],
      // The list's heading does not date the decision.
      service_period: { start: null, end: '2025-03-31' },
    },
    lines: [
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
    ],
  },
  {
    title: '"Dated this 3rd day of May 2022" is the sign-off date',
    reads: { decision_date: '2022-05-03', kind: 'decision' },
    lines: [
      'DECISION NOTICE',
      'Reference\tD/0999',
      'Subject\tCounselling for survivors',
      'The Commissioner agrees a grant of £20,000 to Oakfield Counselling.',
      'Signed: A. Person, Police and Crime Commissioner',
      'Dated this 3rd day of May 2022',
    ],
  },
  {
    title: "an office's name printed as a header is not the title; a label-led notice is a decision",
    reads: { title: 'Joint Commissioning of Refuge Services', kind: 'decision' },
    lines: [
      'WESSEX POLICE AND CRIME COMMISSIONER',
      '',
      'Joint Commissioning of Refuge Services',
      '',
      'Decision Reference Number: WX-0141',
      'Decision summary:',
      'The Commissioner awards £12,000 to Haven Refuge.',
    ],
  },
  {
    title:
      '"the service will cost £1.85m per annum" states the total; partners\' shares in £m and £k are contributions',
    reads: {
      total_amount: 1850000,
      contributions: [
        { amount: 1200000, per_annum: true },
        { amount: 425000, per_annum: true },
        { amount: 225000, per_annum: true },
      ],
    },
    lines: [
      'Report reference: PCC/001/25',
      '2.1 The service will cost £1.85m per annum. The contributions are: £1.2m from NHS England, £425k from',
      'the PCC and £225k from Wessex County Council.',
    ],
  },
  {
    title: 'a wrapped line that opens with a date continues the sentence, so the period ends on that date',
    reads: {
      service_period: { start: '2022-04-01', end: '2023-03-31' },
      awards: [{ recipient: 'Safe Harbour Advocacy', amount: 148300 }],
    },
    lines: [
      'The Commissioner is asked to extend the contract with Safe Harbour Advocacy for the ISVA service for twelve months, from 1 April 2022 to',
      '31 March 2023, at a cost of £148,300.',
    ],
  },
  {
    title: 'the first line of a wrapped paragraph is not a headline figure',
    reads: { total_amount: null },
    lines: [
      'Executive Summary',
      '',
      'For 2023/24 the Commissioner has made £450,000 available through the Community',
      'Safety Fund to support community groups.',
      '',
      'To award £12,400 to Elmbridge Borough Council to run stalking awareness sessions.',
    ],
  },
  {
    title: 'places listed after a served place are served too, whatever verb came first',
    reads: { areas: ['Sunderland', 'South Tyneside', 'Runnymede', 'Spelthorne'] },
    lines: [
      "The Commissioner approves a grant of up to £45,000 per annum to Barnardo's for a children's domestic abuse worker in Sunderland and South Tyneside.",
      'To award £28,000 to Your Sanctuary for an outreach worker serving Runnymede and Spelthorne.',
    ],
  },
  {
    title: 'the same award in the summary without a period and in the recommendation with one is one award',
    reads: { awards: [{ recipient: 'Safe Harbour Advocacy', amount: 148300, period: '2022/23' }] },
    lines: [
      'The Commissioner is asked to extend the contract with Safe Harbour Advocacy at a cost of £148,300.',
      'That the contract with Safe Harbour Advocacy is extended at a cost of £148,300 for 2022/23.',
    ],
  },
  {
    title: '"has awarded £240,000 over two years to X" names the recipient after the duration',
    reads: { awards: [{ recipient: 'Choices Advocacy', amount: 240000 }] },
    lines: ['The Commissioner has awarded £240,000 over two years to Choices Advocacy to run a stalking service.'],
  },
  {
    title: '"the annual value is shared: A £X and B £Y" gives each partner\'s contribution',
    reads: {
      contributions: [
        { organisation: 'Wirral Council', amount: 250000 },
        { organisation: 'Office of the Police and Crime Commissioner for Merseyside', amount: 60000 },
      ],
      awards: [{ recipient: 'Family Refuge', amount: 310000 }],
    },
    lines: [
      'To vary the refuge contract with Family Refuge so that its annual value rises to £310,000.',
      'The annual value is shared: Wirral Council £250,000 and the Office of the Police and Crime Commissioner for Merseyside £60,000.',
    ],
  },
  {
    title: 'the only amount a decision gives, when it is what the decision grants, is its total',
    reads: { total_amount: 86500 },
    lines: [
      'Decision Number: 2024/31',
      'This decision grants £86,500 to Next Link for advocacy.',
      'I approve the award of £86,500 to Next Link.',
    ],
  },
  {
    title: 'an amount asked about is not the total',
    reads: { total_amount: null },
    lines: ['Members asked whether an increased budget of £1.74m would be enough?'],
  },
  {
    title: 'a question is not a title',
    reads: { title: null },
    lines: ['Reference: FOI-1', 'Your request:', 'How much did the office spend on advocacy in 2022/23?'],
  },
  {
    title: 'a page heading that starts with the reference gives the title without it',
    reads: { reference: 'KPCC-0412', title: 'Refuge Places for Families 2025-27' },
    lines: [
      'KPCC-0412 Refuge Places for Families 2025-27',
      '',
      'Decision Reference Number: KPCC-0412',
      'Date: 02/06/2025',
      'Decision summary:',
      'The Commissioner approves a grant of £84,000 to Harbour Refuge for family places over two years.',
    ],
  },
  {
    title: 'what a grants round awarded is its total, not the budget it was awarded from',
    reads: { total_amount: 148612.4 },
    lines: [
      'Community Grants 2025/26',
      'Decision Reference Number: KPCC-0420',
      'Decision summary:',
      'The Commissioner has awarded a total of £148,612.40 to local projects through the community grants scheme.',
      'Background',
      'In 2025/26 the total budget for the scheme is £150,000.',
    ],
  },
  {
    title: 'a budget is the total when it is the only overall figure stated',
    reads: { total_amount: 360000 },
    lines: [
      'Recommissioning of the IDVA Service',
      'Decision Reference Number: KPCC-0431',
      'The total budget for the new service is £360,000 over three years.',
    ],
  },
]

for (const { title, lines, reads } of layouts) {
  test(title, () => assertStated(extractFromText(lines.join('\n'), 'notice.txt').record, reads))
}

test('one line of prose with a wide gap stays prose', () => {
  assert.deepEqual(spacedColumns(['subject to     further approvals of £5,000.']), [
    'subject to     further approvals of £5,000.',
  ])
})
