/**
 * Tables of cases for unit tests: a function is checked against inputs and the outputs they must give, one test a
 * case, so that a failure names the input that failed.
 */
import { describe, test } from 'node:test'
import assert from 'node:assert/strict'

/** Under the heading `title`, one test for each `[input, expected]` pair: `read(input)` must deep-equal `expected`. */
export function eachCase<I, O>(title: string, read: (input: I) => O, cases: ReadonlyArray<readonly [I, O]>): void {
  describe(title, () => {
    for (const [input, expected] of cases) {
      test(`${shown(input)} gives ${shown(expected)}`, () => assert.deepEqual(read(input), expected))
    }
  })
}

function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value)
}
