import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  addWorkingDays,
  holidayOn,
  isWorkingDay,
  ukPublicHolidays,
  workingDaysBetween,
} from '../../../src/domain/working-days.ts'
import { foiDeadline } from '../../../src/domain/foi-clock.ts'

/** The FOI deadline for a request received on a day: the 20th working day after it. */
const deadline = (received: string) => addWorkingDays(received, 20)

describe('UK working days', () => {
  test('the seed: received 17 October 2013, due 14 November 2013', () => {
    assert.equal(deadline('2013-10-17'), '2013-11-14')
    assert.equal(foiDeadline({ receivedOn: '2013-10-17' }), '2013-11-14')
  })

  test('weekends are not working days', () => {
    assert.equal(isWorkingDay('2024-06-01'), false)
    assert.equal(isWorkingDay('2024-06-02'), false)
    assert.equal(isWorkingDay('2024-06-03'), true)
  })

  test('Christmas and New Year, with their substitute days', () => {
    assert.equal(isWorkingDay('2022-12-26'), false, 'Boxing Day')
    assert.equal(isWorkingDay('2022-12-27'), false, 'Christmas Day fell on a Sunday: substitute Tuesday')
    assert.equal(isWorkingDay('2021-12-28'), false, 'Boxing Day fell on a Sunday: substitute Tuesday')
    assert.equal(isWorkingDay('2022-01-03'), false, 'New Year’s Day fell on a Saturday: substitute Monday')
    assert.equal(isWorkingDay('2022-01-04'), false, 'Scotland’s second substitute day')
    assert.equal(isWorkingDay('2023-01-02'), false)
    assert.equal(isWorkingDay('2023-01-03'), false, '2 January in Scotland, with New Year’s Day on a Sunday')
    assert.equal(isWorkingDay('2022-12-28'), true)
    // Six days lost between 23 December and 4 January: Christmas, Boxing Day, the substitute, 2 and 3 January.
    assert.equal(deadline('2022-12-20'), '2023-01-23')
  })

  test('Good Friday and Easter Monday', () => {
    assert.equal(isWorkingDay('2024-03-29'), false)
    assert.equal(isWorkingDay('2024-04-01'), false)
    assert.equal(deadline('2024-03-27'), '2024-04-26')
  })

  test('the early and late May bank holidays', () => {
    assert.equal(isWorkingDay('2024-05-06'), false)
    assert.equal(isWorkingDay('2024-05-27'), false)
    assert.equal(deadline('2024-05-01'), '2024-05-31')
  })

  test('the Scottish August bank holiday and St Andrew’s Day count everywhere', () => {
    assert.match(holidayOn('2024-08-05') ?? '', /Summer bank holiday/)
    assert.equal(isWorkingDay('2024-08-26'), false, 'the English, Welsh and Northern Irish one as well')
    assert.equal(deadline('2024-08-01'), '2024-09-02')
    assert.match(holidayOn('2023-11-30') ?? '', /St Andrew/)
    assert.equal(deadline('2023-11-20'), '2023-12-19')
    assert.equal(isWorkingDay('2024-12-02'), false, 'St Andrew’s Day fell on a Saturday: substitute Monday')
  })

  test('St Patrick’s Day and 12 July in Northern Ireland', () => {
    assert.match(holidayOn('2025-03-17') ?? '', /St Patrick/)
    assert.equal(deadline('2025-03-14'), '2025-04-14')
    assert.match(holidayOn('2024-07-12') ?? '', /Boyne/)
    assert.equal(deadline('2024-07-11'), '2024-08-12')
    assert.equal(isWorkingDay('2026-07-13'), false, '12 July fell on a Sunday: substitute Monday')
  })

  test('one-off bank holidays: the Platinum Jubilee, the Queen’s funeral, the Coronation', () => {
    assert.equal(isWorkingDay('2022-06-02'), false, 'the spring bank holiday moved to Thursday')
    assert.equal(isWorkingDay('2022-06-03'), false)
    assert.equal(deadline('2022-05-27'), '2022-06-28')
    assert.equal(isWorkingDay('2022-09-19'), false)
    assert.equal(deadline('2022-09-16'), '2022-10-17')
    assert.equal(isWorkingDay('2023-05-08'), false)
    assert.equal(deadline('2023-04-28'), '2023-05-31')
  })

  test('a request received on a weekend counts from the next working day', () => {
    assert.equal(deadline('2024-06-01'), '2024-06-28')
    assert.equal(deadline('2024-06-02'), '2024-06-28')
    assert.equal(deadline('2024-05-31'), '2024-06-28', 'the same as one received on the Friday before')
  })

  test('a request received on a bank holiday counts from the next working day', () => {
    assert.equal(deadline('2024-05-27'), '2024-06-24')
    assert.equal(deadline('2024-05-27'), deadline('2024-05-25'))
  })

  test('only public holidays count, not observances', () => {
    const days = [...ukPublicHolidays(2024).keys()]
    assert.ok(!days.includes('2024-02-14'), 'Valentine’s Day')
    assert.ok(!days.includes('2024-03-10'), 'Mothering Sunday')
    assert.ok(!days.includes('2024-10-31'), 'Halloween')
  })

  test('counts working days between two dates', () => {
    assert.equal(workingDaysBetween('2013-10-17', '2013-11-14'), 20)
    assert.equal(workingDaysBetween('2013-10-17', '2013-10-17'), 0)
    assert.equal(workingDaysBetween('2013-11-14', '2013-10-17'), 0)
    assert.equal(workingDaysBetween('2013-11-06', '2013-11-20'), 10)
  })

  test('day zero is the day itself', () => {
    assert.equal(addWorkingDays('2024-06-01', 0), '2024-06-01')
    assert.throws(() => addWorkingDays('2024-06-01', -1), RangeError)
  })

  test('holidays are looked up once per year', () => {
    assert.equal(ukPublicHolidays(2031), ukPublicHolidays(2031))
    const started = performance.now()
    for (let i = 0; i < 1000; i++) addWorkingDays('2031-12-01', 40)
    assert.ok(performance.now() - started < 1000, 'a thousand 40-day deadlines take well under a second')
  })
})
