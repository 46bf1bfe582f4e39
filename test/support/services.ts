import { after, before } from 'node:test'
import type { Database } from '../../src/db/database.ts'
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
 * The set-up of a test of one service, registered as its before and after hooks (call it inside `describe`): a test
 * database on `engine` with the demonstration register (unless `demo` is false) and the service `make` builds over
 * it; the database closes after the last test. The file's own before hooks run after these. Both are returned at
 * once and stand for what the before hook makes.
 */
export function serviceSetUp<S extends object>(
  engine: TestEngine,
  make: (database: Database) => S,
  options: { demo?: boolean } = {},
): { t: TestDatabase; service: S } {
  let t: TestDatabase | undefined
  let service: S | undefined
  before(async () => {
    t = await openTestDatabase(engine, { demo: options.demo ?? true })
    service = make(t.database)
  })
  after(async () => {
    await t?.dispose()
  })
  return { t: standIn(() => t, 'The test database'), service: standIn(() => service, 'The service') }
}

/**
 * The set-up the service tests share: serviceSetUp with all the application's services, so that a test reads
 * `t.database` and `app.ledger` as it would its own variables.
 */
export function servicesSetUp(
  engine: TestEngine,
  options: { demo?: boolean } = {},
): { t: TestDatabase; app: Services } {
  const { t, service } = serviceSetUp(engine, (database) => services(database), options)
  return { t, app: service }
}
