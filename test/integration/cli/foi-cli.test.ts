import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { cli, temporaryFolder } from '../../support/cli.ts'

describe('the foi command', () => {
  const dir = temporaryFolder('cr-foi-cli-')

  test('foi deadline prints the 20th working day after receipt', async () => {
    const run = await cli(['foi', 'deadline', '--received', '2013-10-17'])
    assert.equal(run.code, 0, run.stderr)
    assert.equal(run.stdout, '2013-11-14\n')
  })

  test('clarification restarts the clock; reviews and 40-day limits are counted the same way', async () => {
    const clarified = await cli([
      'foi',
      'deadline',
      '--received',
      '2024-06-03',
      '--clarification-sought',
      '2024-06-05',
      '--clarification-received',
      '2024-06-10',
    ])
    assert.equal(clarified.stdout, '2024-07-08\n')
    assert.equal((await cli(['foi', 'deadline', '--review', '2024-07-01'])).stdout, '2024-07-30\n')
    assert.equal(
      (await cli(['foi', 'deadline', '--review', '2024-07-01', '--working-days', '40'])).stdout,
      '2024-08-29\n',
    )
  })

  test('a bad date or a missing reply gets one line saying what is wrong', async () => {
    for (const args of [
      ['--received', '2013-02-30'],
      ['--received', 'yesterday'],
      ['--received', '2024-06-03', '--clarification-sought', '2024-06-05'],
      ['--received', '2024-06-03', '--clarification-sought', '2024-06-05', '--clarification-received', '2024-06-04'],
      ['--received', '2024-06-03', '--working-days', 'ten'],
      [],
    ]) {
      const run = await cli(['foi', 'deadline', ...args])
      assert.equal(run.code, 1, args.join(' '))
      assert.equal(run.stdout, '')
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr)
      assert.match(run.stderr, /^commissioning-register: /)
    }
    assert.match(
      (await cli(['foi', 'deadline', '--received', '2013-02-30'])).stderr,
      /--received must be a real date, written YYYY-MM-DD/,
    )
  })

  test('foi purge-personal-data deletes the demonstration requester, then has nothing left to do', async () => {
    const env = { DATA_DIR: join(dir(), 'data') }
    assert.equal((await cli(['demo'], env)).code, 0)
    const first = await cli(['foi', 'purge-personal-data'], env)
    assert.equal(first.code, 0, first.stderr)
    assert.match(first.stdout, /from 1 request last active before \d{4}-\d{2}-\d{2}: 10653/)
    const second = await cli(['foi', 'purge-personal-data', '--retention-days', '0'], env)
    assert.match(second.stdout, /from 0 requests/)
    const bad = await cli(['foi', 'purge-personal-data'], { ...env, FOI_PERSONAL_DATA_RETENTION_DAYS: 'two years' })
    assert.equal(bad.code, 1)
    assert.match(bad.stderr, /FOI_PERSONAL_DATA_RETENTION_DAYS must be a whole number/)
  })
})
