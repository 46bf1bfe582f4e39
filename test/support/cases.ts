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

/** `actual` must hold what `stated` says of it, and each of its arrays exactly the elements stated (by their fields). */
export function assertStated<T>(actual: T, stated: Stated<T>, message?: string): void {
  assert.deepEqual(onlyWhatIsStated(actual, stated), stated, message)
}

/** What a test states about a value of type `T`: any of its fields, all the way down; arrays element by element. */
export type Stated<T> =
  T extends ReadonlyArray<infer E> ? Array<Stated<E>> : T extends object ? { [K in keyof T]?: Stated<T[K]> } : T

/**
 * `actual` cut down to what `expected` states: an object to the keys `expected` names, each array element to the keys
 * of the matching (else the first) expected element, all the way down. Comparing the result with `expected` checks
 * those fields, and every element of each array (so a missing or extra element still fails).
 */
function onlyWhatIsStated(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(actual) && Array.isArray(expected)) {
    return actual.map((element, i) => onlyWhatIsStated(element, expected[i] ?? expected[0]))
  }
  if (isObject(actual) && isObject(expected) && !Array.isArray(expected)) {
    return Object.fromEntries(Object.keys(expected).map((key) => [key, onlyWhatIsStated(actual[key], expected[key])]))
  }
  return actual
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value)
}
