import { after, before } from 'node:test'
import { services, type Services } from '../../src/services/index.ts'
import { openTestDatabase, type TestDatabase, type TestEngine } from './database.ts'

/** An object that stands for the one `current` returns once the before hook has made it (reads and writes go to it). */
export function standIn<T extends object>(current: () => T | undefined, what: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const value = current()
      if (!value) throw new Error(`${what} is made in the before hook: use it inside a test or hook`)
      return Reflect.get(value, key) as unknown
    },
    set(_target, key, newValue) {
      const value = current()
      if (!value) throw new Error(`${what} is made in the before hook: use it inside a test or hook`)
      return Reflect.set(value, key, newValue)
    },
  })
}

/**
 * The set-up the service tests share, registered as their before and after hooks (call it inside `describe`):
 * a test database on `engine` with the demonstration register (unless `demo` is false) and the application's
 * services over it; the database closes after the last test. The file's own before hooks run after these.
 * Both are returned at once and stand for what the before hook makes, so a test reads `t.database` and
 * `app.ledger` as it would its own variables.
 */
export function servicesSetUp(
  engine: TestEngine,
  options: { demo?: boolean } = {},
): { t: TestDatabase; app: Services } {
  let t: TestDatabase | undefined
  let app: Services | undefined
  before(async () => {
    t = await openTestDatabase(engine, { demo: options.demo ?? true })
    app = services(t.database)
  })
  after(async () => {
    await t?.dispose()
  })
  return { t: standIn(() => t, 'The test database'), app: standIn(() => app, 'The services') }
}
