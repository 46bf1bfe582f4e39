import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { searchWords, splitQuestions } from '../../../src/domain/foi-questions.ts'
import { allowedActions, exemptionNotice, isPublishable } from '../../../src/domain/foi.ts'

describe('splitting a request into questions', () => {
  test('one question per line', () => {
    assert.deepEqual(splitQuestions('How much?\nTo whom?\r\n\r\nUntil when?'), ['How much?', 'To whom?', 'Until when?'])
  })

  test('list markers are taken off, and wrapped items joined', () => {
    const text = [
      '- How this medium risk service was commissioned to WAIS',
      '- If the service was not placed out to an open tender/commissioning type processes to',
      ' other organisations why WAIS were selected as the preferred provider',
      '- The value of the contract/commission',
      '1. The first',
      '2) The second',
      '(a) The third',
      'Q4: The fourth',
    ].join('\n')
    assert.deepEqual(splitQuestions(text), [
      'How this medium risk service was commissioned to WAIS',
      'If the service was not placed out to an open tender/commissioning type processes to other organisations why WAIS were selected as the preferred provider',
      'The value of the contract/commission',
      'The first',
      'The second',
      'The third',
      'The fourth',
    ])
  })

  test('nothing but blank lines gives no questions', () => {
    assert.deepEqual(splitQuestions('\n  \n'), [])
  })
})

describe('search words of a question', () => {
  test('drops the words every request uses and keeps names', () => {
    assert.deepEqual(searchWords('Could you please advise me of the value of the WAIS contract?'), [
      'value',
      'WAIS',
      'contract',
    ])
    assert.deepEqual(searchWords("Women's Aid: what did Women's Aid get?"), ['Women', 'Aid', 'get'])
  })
})

describe('what may be done to a request', () => {
  const state = { status: 'received' as const, clarificationSoughtOn: null, answeredOn: null, reviewRequestedOn: null }

  test('clarification is sought once', () => {
    assert.ok(allowedActions(state).includes('seek_clarification'))
    assert.ok(
      !allowedActions({ ...state, status: 'in_progress', clarificationSoughtOn: '2024-01-02' }).includes(
        'seek_clarification',
      ),
    )
  })

  test('review and referral need an answer; a review happens once', () => {
    const answered = { ...state, status: 'answered' as const, answeredOn: '2024-02-01' }
    assert.deepEqual(allowedActions(answered), ['request_review', 'refer_to_ico', 'close'])
    assert.deepEqual(allowedActions({ ...answered, status: 'closed', reviewRequestedOn: '2024-02-03' }), [
      'refer_to_ico',
    ])
    assert.deepEqual(allowedActions({ ...state, status: 'closed' }), [])
  })

  test('only an answered, unpublished request can be published', () => {
    assert.equal(isPublishable({ answeredOn: null, publishedOn: null }), false)
    assert.equal(isPublishable({ answeredOn: '2024-02-01', publishedOn: null }), true)
    assert.equal(isPublishable({ answeredOn: '2024-02-01', publishedOn: '2024-02-02' }), false)
  })

  test('each exemption is explained in words', () => {
    assert.match(exemptionNotice('s.21'), /section 21 .*reasonably accessible/)
    assert.equal(
      exemptionNotice('s.43'),
      'Withheld under section 43 of the Freedom of Information Act 2000 (commercial interests)',
    )
    assert.match(exemptionNotice('s.12'), /Refused under section 12/)
  })
})
