import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { cli, flags, temporaryFolder } from '../../support/cli.ts'

describe('a change of governing body and populations from the command line', () => {
  const dir = temporaryFolder('cr-succession-cli-')

  test('a deployment administrator records a successor and a population; bad input is refused with its reason', async () => {
    const env = { DATA_DIR: join(dir(), 'data') }
    // Each command opens the embedded engine afresh: slow on a busy machine, so each gets five minutes.
    const run = (...args: string[]) => cli(args, env, 300_000)
    const root = await run(
      'users',
      'add',
      ...flags({ email: 'root@x.example', name: 'Root', role: 'administrator', 'deployment-admin': true }),
    )
    assert.equal(root.code, 0, root.stderr)
    for (const [name, short] of [
      ['Office of the Police and Crime Commissioner for Testshire', 'Testshire'],
      ['Mayor of Testshire', 'Testshire Mayor'],
    ]) {
      const added = await run('offices', 'add', '--name', name!, '--short-name', short!, '--as', 'root@x.example')
      assert.equal(added.code, 0, added.stderr)
    }
    const bad = await run(
      'offices',
      'succession',
      ...flags({ office: 'testshire', successor: 'testshire', on: '2028-05-08' }),
    )
    assert.equal(bad.code, 1)
    assert.match(bad.stderr, /other than the office itself/)
    const badDate = await run(
      'offices',
      'succession',
      ...flags({ office: 'testshire', successor: 'testshire-mayor', on: '2028-13-01' }),
    )
    assert.equal(badDate.code, 1)
    assert.match(badDate.stderr, /real date/)
    const done = await run(
      'offices',
      'succession',
      ...flags({ office: 'testshire', successor: 'testshire-mayor', on: '2028-05-08', as: 'root@x.example' }),
    )
    assert.equal(done.code, 0, done.stderr)
    const population = await run(
      'offices',
      'population',
      ...flags({ office: 'testshire-mayor', year: '2022', population: '1,234,567', source: 'Test estimate' }),
    )
    assert.equal(population.code, 0, population.stderr)
    const noPeople = await run(
      'offices',
      'population',
      ...flags({ office: 'testshire-mayor', year: '2022', population: 'many', source: 'Test' }),
    )
    assert.equal(noPeople.code, 1)
    assert.match(noPeople.stderr, /whole number greater than 0/)
  })
})
