import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  checkStreamConditions,
  isSubjectToFunding,
  ringFencedTypes,
  type CheckedAward,
  type StreamConditions,
} from '../../../src/domain/stream-conditions.ts'

const stream = (extra: Partial<StreamConditions> = {}): StreamConditions => ({
  id: 7,
  name: 'Rape support grant',
  grantStart: '2024-04-01',
  grantEnd: '2025-03-31',
  spendBy: null,
  fundingStatus: 'confirmed',
  ringFencedServiceTypes: [],
  ringFenceNames: [],
  matchFunding: [],
  ...extra,
})

const award = (extra: Partial<CheckedAward> = {}): CheckedAward => ({
  id: 31,
  decisionId: 3,
  decisionName: 'DN-2024-009',
  streamId: 7,
  recipientName: 'Harbour Counselling',
  periodStart: '2024-04-01',
  periodEnd: '2025-03-31',
  financialYear: null,
  serviceName: 'Sexual violence advisers',
  serviceType: 'isva',
  condition: null,
  ...extra,
})

const check = (streams: StreamConditions[], extra: Partial<Parameters<typeof checkStreamConditions>[0]> = {}) =>
  checkStreamConditions({ streams, awards: [], years: [], contributions: [], ...extra })

test('an award running past the spend-by date is an error naming both dates; one ending on it is not', () => {
  const found = check([stream({ spendBy: '2025-03-31' })], {
    awards: [award(), award({ id: 32, recipientName: 'Lantern Trust', periodEnd: '2025-09-30' })],
  })
  assert.deepEqual(
    found.map((f) => [f.code, f.severity, f.awardId, f.decisionId]),
    [['award_after_spend_by', 'error', 32, 3]],
  )
  assert.match(
    found[0]!.message,
    /Lantern Trust runs to 30 September 2025, after Rape support grant must be spent by 31 March 2025/,
  )
})

test('an award with only a financial year is checked against the end of that year', () => {
  const found = check([stream({ spendBy: '2025-03-31' })], {
    awards: [award({ periodStart: null, periodEnd: null, financialYear: 2025 })],
  })
  assert.deepEqual(
    found.map((f) => f.code),
    ['award_after_spend_by'],
  )
  assert.match(found[0]!.message, /31 March 2026/)
})

test('named ring-fences that name a service type fence the stream to it', () => {
  assert.deepEqual(ringFencedTypes({ ringFencedServiceTypes: [], ringFenceNames: ['ISVA', ' idva '] }), [
    'idva',
    'isva',
  ])
  assert.deepEqual(ringFencedTypes({ ringFencedServiceTypes: ['refuge'], ringFenceNames: ['Rape crisis'] }), ['refuge'])
})

test('ring-fenced money paying a service of another type is a breach; inside the fence or unfenced is not', () => {
  const awards = [award(), award({ id: 33, serviceName: 'Respect programme', serviceType: 'perpetrator_programme' })]
  const fenced = check([stream({ ringFenceNames: ['ISVA', 'IDVA'] })], { awards })
  assert.deepEqual(
    fenced.map((f) => [f.code, f.awardId]),
    [['ring_fence_breach', 33]],
  )
  assert.match(
    fenced[0]!.message,
    /ring-fenced to IDVA service, ISVA service, but pays Harbour Counselling for Respect programme, perpetrator programme/,
  )
  assert.deepEqual(check([stream()], { awards }), [])
})

test('more committed than received in a year is an error for that year only; nothing recorded is not', () => {
  const found = check([stream()], {
    years: [
      { streamId: 7, financialYear: 2023, receivedPence: 5_000_000, committedPence: 4_000_000 },
      { streamId: 7, financialYear: 2024, receivedPence: 5_000_000, committedPence: 6_250_000 },
      { streamId: 7, financialYear: 2025, receivedPence: null, committedPence: 9_000_000 },
    ],
  })
  assert.deepEqual(
    found.map((f) => [f.code, f.financialYear]),
    [['stream_overcommitted', 2024]],
  )
  assert.match(found[0]!.message, /£62,500 committed in 2024\/25 but received £50,000: £12,500 more/)
})

test('match funding short of an amount or a share of what was received is an error naming the year and the partner', () => {
  const matchFunding = [
    {
      financialYear: 2024,
      fromOrganisationId: 12,
      fromName: 'Riverside Council',
      amountPence: 2_000_000,
      sharePercent: null,
    },
    {
      financialYear: 2025,
      fromOrganisationId: null,
      fromName: 'Hillside Council',
      amountPence: null,
      sharePercent: 25,
    },
  ]
  const years = [
    { streamId: 7, financialYear: 2024, receivedPence: 8_000_000, committedPence: 0 },
    { streamId: 7, financialYear: 2025, receivedPence: 8_000_000, committedPence: 0 },
  ]
  /** A partner's contribution to a stream in a year. */
  const contribution = (
    streamId: number,
    financialYear: number,
    organisationId: number,
    organisationName: string,
    amountPence: number,
  ) => ({ streamId, financialYear, organisationId, organisationName, amountPence })
  const withContributions = (...contributions: Array<ReturnType<typeof contribution>>) =>
    check([stream({ matchFunding })], { years, contributions })
  const met = withContributions(
    contribution(7, 2024, 12, 'Riverside BC', 1_500_000),
    contribution(7, 2024, 12, 'Riverside BC', 500_000),
    contribution(7, 2025, 40, 'hillside council', 2_000_000),
  )
  assert.deepEqual(met, [])
  const short = withContributions(
    contribution(7, 2024, 12, 'Riverside BC', 1_500_000),
    contribution(7, 2025, 12, 'Riverside BC', 2_000_000),
    contribution(8, 2025, 40, 'Hillside Council', 2_000_000),
  )
  assert.deepEqual(
    short.map((f) => [f.code, f.financialYear]),
    [
      ['match_funding_short', 2024],
      ['match_funding_short', 2025],
    ],
  )
  assert.match(
    short[0]!.message,
    /needs £20,000 match funding from Riverside Council in 2024\/25; £15,000 is recorded, £5,000 short/,
  )
  assert.match(
    short[1]!.message,
    /needs £20,000 match funding from Hillside Council in 2025\/26 \(25%\); £0 is recorded/,
  )
})

test('a share is of what the stream committed when nothing received is recorded', () => {
  const found = check(
    [
      stream({
        matchFunding: [
          { financialYear: 2024, fromOrganisationId: null, fromName: 'Office', amountPence: null, sharePercent: 10 },
        ],
      }),
    ],
    { years: [{ streamId: 7, financialYear: 2024, receivedPence: null, committedPence: 1_000_000 }] },
  )
  assert.match(found[0]!.message, /needs £1,000 match funding/)
})

test('an award subject to funding from an expected stream is a warning; from a confirmed one it is not', () => {
  const awards = [
    award({ condition: 'Subject to annual Ministry of Justice funding being forthcoming.' }),
    award({ id: 34, condition: 'Quarterly outcome returns.' }),
  ]
  const expected = check([stream({ fundingStatus: 'expected' })], { awards })
  assert.deepEqual(
    expected.map((f) => [f.code, f.severity, f.awardId]),
    [['funding_unconfirmed', 'warning', 31]],
  )
  assert.deepEqual(check([stream()], { awards }), [])
})

test('what counts as subject to funding', () => {
  assert.equal(isSubjectToFunding('subject to the Safer Communities Fund funding'), true)
  assert.equal(isSubjectToFunding('Subject to funding.'), true)
  assert.equal(isSubjectToFunding('Subject to review. Funding from the council.'), false)
  assert.equal(isSubjectToFunding(null), false)
})

test('a contribution subject to an expected stream’s funding is a warning on its decision; a confirmed stream or another stream is not', () => {
  const contribution = {
    id: 12,
    decisionId: 4,
    decisionName: 'DN-2024-011',
    streamId: 7,
    organisationName: 'Southshire County Council',
  }
  const findings = check([stream({ fundingStatus: 'expected' }), stream({ id: 8, name: 'Other grant' })], {
    fundedContributions: [contribution, { ...contribution, id: 13, streamId: 8 }],
  })
  assert.deepEqual(
    findings.map((f) => [f.code, f.severity, f.streamId, f.decisionId, f.awardId]),
    [['funding_unconfirmed', 'warning', 7, 4, null]],
  )
  assert.equal(
    findings[0]!.message,
    'DN-2024-011: the contribution from Southshire County Council is subject to Rape support grant, which is still expected, not confirmed',
  )
  assert.deepEqual(check([stream()], { fundedContributions: [contribution] }), [])
})
