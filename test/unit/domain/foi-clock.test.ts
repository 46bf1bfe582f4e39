import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  extensionProblem,
  extensionWindow,
  foiClock,
  foiDeadline,
  publicationDelay,
  reviewDeadlines,
} from '../../../src/domain/foi-clock.ts'

describe('the FOI clock', () => {
  test('the seed: answered on time, 14 working days used', () => {
    const clock = foiClock({ receivedOn: '2013-10-17', answeredOn: '2013-11-06' }, '2026-01-01')
    assert.equal(clock.statutoryDeadline, '2013-11-14')
    assert.equal(clock.target, '2013-11-14')
    assert.equal(clock.veryLateAfter, '2013-12-13', 'St Andrew’s Day substitute (2 December) is skipped')
    assert.equal(clock.workingDaysUsed, 14)
    assert.equal(clock.timeliness, 'on_time')
  })

  test('late past 20 working days, very late past 40', () => {
    const on = (answeredOn: string) => foiClock({ receivedOn: '2013-10-17', answeredOn }, '2026-01-01').timeliness
    assert.equal(on('2013-11-14'), 'on_time')
    assert.equal(on('2013-11-15'), 'late')
    assert.equal(on('2013-12-13'), 'late')
    assert.equal(on('2013-12-16'), 'very_late')
  })

  test('an unanswered request is judged on the day given', () => {
    assert.equal(foiClock({ receivedOn: '2013-10-17' }, '2013-11-14').timeliness, 'on_time')
    assert.equal(foiClock({ receivedOn: '2013-10-17' }, '2013-11-15').timeliness, 'late')
    assert.equal(foiClock({ receivedOn: '2013-10-17' }, '2013-11-15').workingDaysUsed, 21)
  })

  test('seeking clarification stops the clock; the reply starts a new 20 working days', () => {
    const stopped = foiClock({ receivedOn: '2024-06-03', clarificationSoughtOn: '2024-06-05' }, '2024-09-01')
    assert.equal(stopped.stopped, true)
    assert.equal(stopped.statutoryDeadline, null)
    assert.equal(stopped.timeliness, null, 'never late while waiting for the requester')
    const restarted = foiClock(
      { receivedOn: '2024-06-03', clarificationSoughtOn: '2024-06-05', clarificationReceivedOn: '2024-06-10' },
      '2024-06-11',
    )
    assert.equal(restarted.startedOn, '2024-06-10')
    assert.equal(restarted.statutoryDeadline, '2024-07-08')
    assert.equal(
      foiDeadline({
        receivedOn: '2024-06-03',
        clarificationSoughtOn: '2024-06-05',
        clarificationReceivedOn: '2024-06-10',
      }),
      '2024-07-08',
    )
  })

  test('a public interest extension sets a new target', () => {
    const dates = { receivedOn: '2024-06-03', extendedDeadline: '2024-07-15' }
    const clock = foiClock({ ...dates, answeredOn: '2024-07-12' }, '2024-08-01')
    assert.equal(clock.statutoryDeadline, '2024-07-01')
    assert.equal(clock.target, '2024-07-15')
    assert.equal(clock.timeliness, 'on_time')
    assert.equal(foiClock({ ...dates, answeredOn: '2024-07-16' }, '2024-08-01').timeliness, 'late')
  })

  test('an extension must move the deadline, by no more than 40 working days from receipt', () => {
    assert.equal(extensionProblem({ receivedOn: '2024-06-03' }, '2024-07-15'), null)
    assert.match(extensionProblem({ receivedOn: '2024-06-03' }, '2024-07-01') ?? '', /after the statutory deadline/)
    assert.equal(
      extensionProblem({ receivedOn: '2024-06-03' }, '2024-07-30'),
      null,
      'the 40th working day (12 July is a holiday in Northern Ireland)',
    )
    assert.match(extensionProblem({ receivedOn: '2024-06-03' }, '2024-07-31') ?? '', /no more than 40/)
    assert.match(
      extensionProblem({ receivedOn: '2024-06-03', clarificationSoughtOn: '2024-06-04' }, '2024-07-15') ?? '',
      /clock is stopped/,
    )
  })

  test('the extension form states the dates allowed, and its messages name them', () => {
    assert.deepEqual(extensionWindow({ receivedOn: '2024-06-03' }), {
      statutory: '2024-07-01',
      earliest: '2024-07-02',
      latest: '2024-07-30',
    })
    assert.match(
      extensionProblem({ receivedOn: '2024-06-03' }, '2024-07-31') ?? '',
      /choose a date between 2 July 2024 and 30 July 2024/,
    )
    assert.equal(extensionWindow({ receivedOn: '2024-06-03', clarificationSoughtOn: '2024-06-04' }), null)
  })

  test('internal review: due in 20 working days, 40 at most', () => {
    assert.deepEqual(reviewDeadlines('2024-07-01'), { due: '2024-07-30', latest: '2024-08-29' })
  })

  test('the time from answer to publication, late past 20 working days', () => {
    assert.deepEqual(publicationDelay('2013-11-06', '2013-11-20', '2026-01-01'), { workingDays: 10, late: false })
    assert.deepEqual(publicationDelay('2013-11-06', '2013-12-05', '2026-01-01'), { workingDays: 20, late: false })
    assert.deepEqual(publicationDelay('2013-11-06', '2013-12-06', '2026-01-01'), { workingDays: 21, late: true })
    assert.deepEqual(
      publicationDelay('2013-11-06', null, '2013-11-07'),
      { workingDays: 1, late: false },
      'unpublished: counted to today',
    )
  })
})
