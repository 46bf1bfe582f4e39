import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { extractFromText, type ExtractedRecord } from '../../../src/extract/index.ts'
import { orgAt } from '../../../src/extract/orgs.ts'
import { councilPlace } from '../../../src/extract/council-areas.ts'

const dir = path.resolve(process.cwd(), 'fixtures/field-extractors-2')

function extract(name: string): ExtractedRecord {
  return extractFromText(readFileSync(path.join(dir, name), 'utf8'), name).record
}

const awards = (record: ExtractedRecord): Array<[string, number]> => record.awards.map((a) => [a.recipient, a.amount])

test('awards: the recipient named before the price in the same clause ("a direct contract award to X … at a cost of £…")', () => {
  const record = extract('waiver-list.txt')
  assert.deepEqual(awards(record), [['Lanternway Advocacy', 214500]])
  assert.equal(record.total_amount, 214500)
})

test('awards: "has awarded the contract to X" with the contract "valued at £… per annum" in the next sentence', () => {
  const record = extract('contract-award.txt')
  assert.deepEqual(awards(record), [['Brightpath Change', 840000]])
  assert.equal(record.awards[0]!.per_annum, true)
  assert.equal(record.total_amount, 840000)
})

test('awards: a hedged amount ("more than £45,000 has been awarded to …") is never an award, nor a total', () => {
  const record = extract('partner-bid.txt')
  assert.deepEqual(record.awards, [])
  assert.equal(record.total_amount, null)
})

test('organisation names stop before what the body is paid for', () => {
  assert.equal(orgAt('Harbourlight Support Services for Domestic Abuse Outreach'), 'Harbourlight Support Services')
  assert.equal(orgAt('Lanternway Advocacy for Stalking Advocacy Support is agreed'), 'Lanternway Advocacy')
  assert.equal(orgAt('Office for Police and Crime Commissioner funding'), 'Office for Police and Crime Commissioner')
})

test('areas: councils listed as partners in a bid, but not a hedged award, a nation or a place of other funding', () => {
  assert.deepEqual(extract('partner-bid.txt').areas, ['Borchester', 'Felpersham', 'Loxley Barrett', 'Borsetshire'])
})

test("areas: the issuing council's heading or the council that secured the money; not where its offices are", () => {
  assert.deepEqual(extract('council-minutes.txt').areas, ['Felpersham'])
  assert.deepEqual(extract('received.txt').areas, ['Felpersham'])
  assert.equal(councilPlace('The Vale of Glamorgan Council'), 'Vale of Glamorgan')
  assert.equal(councilPlace('Barrow Borough Council'), 'Barrow')
  assert.equal(councilPlace('Cheshire East LA'), 'Cheshire East')
  assert.equal(councilPlace("Juno Women's Aid"), null)
})

test('areas: with nothing else, the place the document names most', () => {
  const text =
    "Agenda item\n\nRefuge Review\n\nOfficers described training offered throughout Sandwell, and Sandwell's new duty.\n"
  assert.deepEqual(extractFromText(text, 'x.txt').record.areas, ['Sandwell'])
})

test('contributions: a split across named funders, and a list that drops the verb', () => {
  const split = extract('split-funders.txt')
  assert.deepEqual(
    split.contributions.map((c) => [c.organisation, c.amount, c.per_annum]),
    [
      ['BCC', 150000, true],
      ['Office of Police and Crime Commissioner', 90000, true],
    ],
  )
  assert.equal(split.total_amount, 960000)
  assert.equal(split.findings.length, 0, 'a whole-term total is not compared with yearly shares')
  const minutes = extract('council-minutes.txt')
  assert.deepEqual(
    minutes.contributions.map((c) => c.amount),
    [200000, 250000, 80000],
  )
  assert.equal(minutes.contributions[2]!.organisation, 'Loxley Barrett Borough Council')
})

test('inconsistency: yearly contributions that exceed the stated annual contract value are flagged', () => {
  const minutes = extract('council-minutes.txt')
  assert.equal(minutes.total_amount, 500000)
  assert.ok(
    minutes.findings.some((f) => f.severity === 'error' && /£530,000\.00/.test(f.message)),
    JSON.stringify(minutes.findings),
  )
})

test('totals: separate resolutions each priced give no overall total', () => {
  assert.equal(extract('two-resolutions.txt').total_amount, null)
})

test('totals: an unhedged headline figure, and money the body has received', () => {
  assert.equal(extract('headline.txt').total_amount, 1200000)
  assert.equal(extract('received.txt').total_amount, 27450)
})

test('service period: "in place since" starts it, "extended from X until Y" ends it, present contracts ending do not', () => {
  const minutes = extract('council-minutes.txt')
  assert.deepEqual(minutes.service_period, { start: '2019-07-01', end: '2025-03-31', extension: null })
})

test('totals: an allocation "raised from £A to £B" is the new figure, B', () => {
  const text =
    'Minutes:\n\nThe Board heard that the Welsh Government had raised its allocation to the Council from £20,000 to £64,500, to support refuge provision.\n'
  assert.equal(extractFromText(text, 'x.txt').record.total_amount, 64500)
})
