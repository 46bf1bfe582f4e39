import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { cli, flags, temporaryFolder } from '../../support/cli.ts'

describe('offices and their staff from the command line', () => {
  const dir = temporaryFolder('cr-offices-cli-')

  test('a deployment administrator adds offices and appoints their administrators, who may use only their own', async () => {
    const env = { DATA_DIR: join(dir(), 'data') }
    const run = (...args: string[]) => cli(args, env)

    const noOffice = await run('users', 'add', '--email', 'a@x.example', '--name', 'A', '--role', 'officer')
    assert.equal(noOffice.code, 1)
    assert.match(noOffice.stderr, /Choose the office/)

    const root = await run(
      'users',
      'add',
      ...flags({ email: 'root@x.example', name: 'Root', role: 'administrator', 'deployment-admin': true }),
    )
    assert.equal(root.code, 0, root.stderr)
    assert.match(root.stdout, /deployment administrator/)

    const offices: Array<[string, string]> = [
      ['Essex Police, Fire and Crime Commissioner', 'Essex'],
      ['Nottinghamshire Office of the Police and Crime Commissioner', 'Nottinghamshire'],
    ]
    for (const [name, short] of offices) {
      const added = await run('offices', 'add', '--name', name, '--short-name', short, '--as', 'root@x.example')
      assert.equal(added.code, 0, added.stderr)
    }
    const list = await run('offices', 'list')
    assert.match(list.stdout, /\/offices\/essex +archive +Essex Police/)

    const appointed = await run(
      'offices',
      'appoint',
      ...flags({ office: 'essex', email: 'boss@essex.example', name: 'Essex Boss', as: 'root@x.example' }),
    )
    assert.equal(appointed.code, 0, appointed.stderr)
    assert.match(appointed.stdout, /Password \(shown once\)/)
    assert.match((await run('offices', 'list')).stdout, /\/offices\/essex +1 staff/)

    const own = await run(
      'users',
      'add',
      ...flags({
        email: 'officer@essex.example',
        name: 'Officer',
        role: 'officer',
        office: 'Essex',
        as: 'boss@essex.example',
      }),
    )
    assert.equal(own.code, 0, own.stderr)
    // What Essex's administrator may not do: staff another office, add an office, give roles in another office.
    const refusals: Array<[string[], Record<string, string>, RegExp]> = [
      [
        ['users', 'add'],
        { email: 'spy@essex.example', name: 'Spy', role: 'officer', office: 'Nottinghamshire' },
        /does not work for Nottinghamshire/,
      ],
      [['offices', 'add'], { name: 'Kent OPCC', 'short-name': 'Kent' }, /Only a deployment administrator/],
      [
        ['users', 'roles'],
        { email: 'officer@essex.example', role: 'officer,decision_maker', office: 'Nottinghamshire' },
        /does not work for Nottinghamshire/,
      ],
    ]
    for (const [command, options, reason] of refusals) {
      const refused = await run(...command, ...flags({ ...options, as: 'boss@essex.example' }))
      assert.equal(refused.code, 1, command.join(' '))
      assert.match(refused.stderr, reason)
    }
  })
})
