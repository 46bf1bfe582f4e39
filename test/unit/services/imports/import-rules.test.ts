import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { finding } from '../../../../src/domain/finding-codes.ts'
import { awardPeriod, fallbackTitle, fieldOfFinding, totalIsPerAnnum } from '../../../../src/services/imports/draft.ts'
import { looksLikeOffice, officePlace } from '../../../../src/services/imports/offices.ts'
import { parseReview, reviewValuesFrom } from '../../../../src/services/imports/review-form.ts'
import { eachCase } from '../../../support/cases.ts'

describe('import rules', () => {
  eachCase('an office’s place, however its name is written', officePlace, [
    ['Nottinghamshire PCC', 'Nottinghamshire'],
    ['Essex PFCC', 'Essex'],
    ['Office of the Police and Crime Commissioner for Cumbria', 'Cumbria'],
    ['Hampshire Office of the Police and Crime Commissioner', 'Hampshire'],
    ['Essex Office of the Police, Fire and Crime Commissioner', 'Essex'],
    ['West Yorkshire Mayor', 'West Yorkshire'],
    ['Avon and Somerset PCC', 'Avon and Somerset'],
  ])

  test('an office is told from other bodies by its name', () => {
    assert.ok(looksLikeOffice('Hampshire PCC'))
    assert.ok(!looksLikeOffice('Hampshire County Council'))
  })

  test('an award’s dates come from its own period, else from the service period', () => {
    const service = { start: '2021-04-01', end: '2022-03-31', extension: null }
    assert.deepEqual(awardPeriod('Oct23- Mar24', service), {
      label: 'Oct23- Mar24',
      start: '2023-10-01',
      end: '2024-03-31',
      financialYear: 2023,
    })
    assert.deepEqual(awardPeriod(null, service), {
      label: null,
      start: '2021-04-01',
      end: '2022-03-31',
      financialYear: 2021,
    })
    assert.deepEqual(awardPeriod(null, { start: '2019-04-01', end: '2024-03-31', extension: null }), {
      label: null,
      start: '2019-04-01',
      end: '2024-03-31',
      financialYear: null,
    })
    assert.deepEqual(awardPeriod('until further notice', service), {
      label: 'until further notice',
      start: null,
      end: null,
      financialYear: null,
    })
  })

  test('a finding is placed beside the value on its line, else beside the field its code is about', () => {
    const provenance = {
      total_amount: { line: 15, text: 'A total of £60,000' },
      'awards[1]': { line: 18, text: 'x' },
      title: { line: 18, text: 'x' },
    }
    const draft = { awards: [{}, {}], contributions: [] } as never
    assert.equal(fieldOfFinding(finding('total_mismatch', 'm', 15), provenance, draft), 'total_amount')
    assert.equal(fieldOfFinding(finding('unreadable_amount', 'm', 18), provenance, draft), 'awards[1]')
    assert.equal(fieldOfFinding(finding('unreadable_amount', 'm', 40), provenance, draft), 'awards')
    assert.equal(fieldOfFinding(finding('period_conflict', 'm', null), provenance, draft), 'service_period')
  })

  test('a yearly total, and a title for a document that gives none', () => {
    assert.ok(totalIsPerAnnum({ awards: [], contributions: [{ perAnnum: true }, { perAnnum: true }] } as never))
    assert.ok(!totalIsPerAnnum({ awards: [{ perAnnum: false }], contributions: [{ perAnnum: true }] } as never))
    assert.equal(
      fallbackTitle({ title: null, kind: 'foi_response', reference: 'FOI/2024/077' }, 'x.docx'),
      'Freedom of Information response FOI/2024/077',
    )
    assert.equal(
      fallbackTitle({ title: null, kind: 'decision', reference: null }, 'dir/notice_2024-05.pdf'),
      'notice 2024 05',
    )
  })

  test('the review form names each mistake by field and row, and reads good rows', () => {
    const body = {
      kind: 'decision',
      officeId: '3',
      reference: ' 2024.006 ',
      title: 'T',
      decisionDate: '16/03/2021',
      statedTotal: '£47,013.00',
      statedTotalPerAnnum: 'yes',
      areas: 'Ashfield, Mansfield,  Ashfield',
      'awards-0-recipient': 'Juno',
      'awards-0-amount': '23,966',
      'awards-0-period': '2024/25',
      'awards-1-recipient': '',
      'awards-1-amount': '12',
      'awards-1-start': '1 April 2024',
      'awards-2-recipient': 'Gone',
      'awards-2-amount': 'x',
      'awards-2-remove': 'yes',
      'contributions-0-organisation': 'ECC',
      'contributions-0-amount': 'lots',
    }
    const { input, errors } = parseReview(reviewValuesFrom(body))
    assert.equal(input, undefined)
    assert.deepEqual(errors, {
      'awards-1-recipient': 'Award 2: enter who receives the money',
      'contributions-0-amount': 'Contribution 1: enter the amount in pounds, like 23,966 or 1,234.56',
    })
    const ok = parseReview(
      reviewValuesFrom({
        ...body,
        'awards-1-recipient': 'NWA',
        'awards-1-end': '31/03/2025',
        'contributions-0-amount': '1.63',
      }),
    )
    assert.deepEqual(ok.errors, {})
    assert.equal(ok.input!.reference, '2024.006')
    assert.equal(ok.input!.decisionDate, '2021-03-16')
    assert.equal(ok.input!.statedTotalPence, 4_701_300)
    assert.deepEqual(ok.input!.areas, ['Ashfield', 'Mansfield'])
    assert.deepEqual(
      ok.input!.awards.map((a) => [a.recipient, a.amountPence, a.periodStart, a.periodEnd, a.financialYear]),
      [
        ['Juno', 2_396_600, '2024-04-01', '2025-03-31', 2024],
        ['NWA', 1200, '2024-04-01', '2025-03-31', 2024],
      ],
    )
    assert.equal(ok.input!.contributions[0]!.amountPence, 163)
    assert.match(
      parseReview(reviewValuesFrom({ ...body, title: '', 'awards-1-recipient': 'NWA', 'contributions-0-amount': '1' }))
        .errors.title ?? '',
      /Enter the title/,
    )
  })
})
