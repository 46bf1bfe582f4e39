import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cli } from '../../support/cli.ts'
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp.ts'

describe('notifications run', () => {
  let dataDir: string
  let smtp: TestSmtpServer
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cr-notify-cli-'))
    smtp = await startSmtpServer()
    assert.equal((await cli(['demo'], { DATA_DIR: dataDir })).code, 0)
  })
  after(async () => {
    await smtp.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  test('without SMTP_URL one pass queues what is due and writes each email to the log', async () => {
    const run = await cli(['notifications', 'run', '--date', '2018-05-01'], { DATA_DIR: dataDir, LOG_LEVEL: 'info' })
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /Queued 0 FOI, 0 import and 3 digest emails/)
    assert.match(run.stdout, /SMTP_URL is not set: 3 written to the log/)
    assert.match(run.stdout, /"message":"email not sent: SMTP_URL is not set".*"subject":"Monthly digest for May 2018/)
  })

  test('with SMTP_URL a month’s digest goes to the mail server, once', async () => {
    const env = {
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'register@opcc.example',
      PUBLIC_BASE_URL: 'https://register.opcc.example',
    }
    const run = await cli(['notifications', 'run', '--date', '2018-04-01'], env)
    assert.equal(run.code, 0, run.stderr)
    assert.match(run.stdout, /Sent 3; 0 to try again later; 0 failed/)
    assert.equal((await cli(['notifications', 'run', '--date', '2018-04-02'], env)).code, 0)
    assert.deepEqual(smtp.received.map((m) => m.to[0]).sort(), [
      'chief.executive@demo.example',
      'finance@demo.example',
      'officer@demo.example',
    ])
    const mail = smtp.received[0]!
    assert.equal(mail.from, 'register@opcc.example')
    assert.equal(mail.parsed.subject, 'Monthly digest for April 2018: services ending and money left')
    assert.match(mail.parsed.text ?? '', /https:\/\/register\.opcc\.example\/pipeline\?on=2018-04-01/)
  })

  test('a bad SMTP_URL stops the command with one line saying what is wrong', async () => {
    const run = await cli(['notifications', 'run'], { DATA_DIR: dataDir, SMTP_URL: 'http://mail.example' })
    assert.equal(run.code, 1)
    assert.match(run.stderr, /SMTP_URL must start with smtp:\/\/ or smtps:\/\//)
  })
})
