import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { parseSpendAmount } from '../../../../src/domain/spend-amount.ts'
import { committedPence } from '../../../../src/domain/spending.ts'
import {
  SpendFileError,
  guessMapping,
  parseSpendFile,
  readSpendTable,
} from '../../../../src/services/spending/spend-file.ts'
import { eachCase } from '../../../support/cases.ts'

describe('spending files', () => {
  eachCase('amounts are read with or without the pound sign and commas, and credits are negative', parseSpendAmount, [
    ['£11,983.00', 1198300],
    ['11983', 1198300],
    ['1,234.5', 123450],
    ['-£612.40', -61240],
    ['£-612.40', -61240],
    ['(612.40)', -61240],
    [' £ 700.00 ', 70000],
  ])

  test('text that is not an amount of money is refused', () => {
    for (const bad of ['', 'ten pounds', '12.345', '1,23,4.00', '£', '--5', '5-'])
      assert.throws(() => parseSpendAmount(bad), /is not an amount of money/, bad)
  })

  test('the common layout is read by its column names, with dates written as 14/05/2021', () => {
    const rows = parseSpendFile(
      '\uFEFFDate,Supplier,Amount,Expense Type,Transaction Number\r\n14/05/2021,"Juno Women\'s Aid, Ltd","£1,000.00",Grants,T1\r\n\r\n1/6/2021,  Equation ,250,Training,T2\r\n',
    )
    assert.deepEqual(rows, [
      {
        line: 2,
        paidOn: '2021-05-14',
        supplierName: "Juno Women's Aid, Ltd",
        amountPence: 100000,
        expenseType: 'Grants',
        transactionNumber: 'T1',
      },
      {
        line: 4,
        paidOn: '2021-06-01',
        supplierName: 'Equation',
        amountPence: 25000,
        expenseType: 'Training',
        transactionNumber: 'T2',
      },
    ])
  })

  test('other column names are guessed where they are common, and any mapping can be given', () => {
    const headers = ['Transaction Ref', 'Payment Date', 'Vendor Name', 'Net Amount', 'Expenditure Category']
    assert.deepEqual(guessMapping(headers), { date: 1, supplier: 2, amount: 3, expenseType: 4, transactionNumber: 0 })
    assert.deepEqual(guessMapping(['When', 'Who', 'How much']), {})
    const text = 'When,Who,How much,What,Id\n14/05/2021,Equation,£10.00,Training,X\n'
    assert.throws(
      () => parseSpendFile(text),
      (e: unknown) => e instanceof SpendFileError && e.problems.length === 5,
    )
    const rows = parseSpendFile(text, { date: 0, supplier: 1, amount: 2, expenseType: 3, transactionNumber: 4 })
    assert.equal(rows[0]!.amountPence, 1000)
    assert.throws(
      () => parseSpendFile(text, { date: 0, supplier: 0, amount: 2, expenseType: 3, transactionNumber: 4 }),
      /column Supplier: uses the column "When" already used/i,
    )
  })

  test('a bad row refuses the whole file, naming each line and column', () => {
    const text = [
      'Date,Supplier,Amount,Expense Type,Transaction Number',
      '14/05/2021,Equation,£10.00,Training,T1',
      '30/02/2021,Equation,£10.00,Training,T2',
      '14/05/2021,,£10.00,Training,T3',
      '14/05/2021,Equation,£10.00,Training',
    ].join('\n')
    assert.throws(
      () => parseSpendFile(text),
      (e: unknown) => e instanceof SpendFileError && /Line 5: has 4 cells where the header has 5/.test(e.message),
    )
    const fixedWidth = text.split('\n').slice(0, 4).join('\n')
    assert.throws(
      () => parseSpendFile(fixedWidth),
      (e: unknown) =>
        e instanceof SpendFileError &&
        JSON.stringify(e.problems.map((p) => [p.line, p.column])) === '[[3,"Date"],[4,"Supplier"]]',
    )
    assert.throws(() => readSpendTable(''), /The file: is empty/)
    assert.throws(() => parseSpendFile('Date,Supplier,Amount,Expense Type,Transaction Number\n'), /has no payments/)
    assert.throws(
      () => parseSpendFile('Date,Supplier,Amount,Expense Type,Transaction Number\n"unclosed,x,1,2,3'),
      /not readable as CSV/,
    )
  })

  test('an award commits a one-off sum once and a yearly amount for every financial year of its period', () => {
    const base = { amountPence: 1000, periodStart: '2023-10-01', periodEnd: '2025-09-30' }
    assert.equal(committedPence({ ...base, perAnnum: false }), 1000)
    assert.equal(committedPence({ ...base, perAnnum: true }), 3000)
    assert.equal(committedPence({ ...base, perAnnum: true, periodEnd: null }), 1000)
  })
})
