import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Database } from '../../../../src/db/database.ts'
import { migrateToLatest } from '../../../../src/db/migrate.ts'
import { OutboxRepository, type NewMessage } from '../../../../src/db/repositories/notifications/outbox.ts'
import { SmtpMailer } from '../../../../src/services/notifications/mailer.ts'
import { OutboxWorker } from '../../../../src/services/notifications/outbox-worker.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../support/database.ts'
import { startSmtpServer, type TestSmtpServer } from '../../../support/smtp.ts'

const BASE = 'https://register.example.org'
const FROM = 'notifications@register.example.org'

function message(key: string, recipient = 'finance@office.example'): NewMessage {
  return {
    idempotencyKey: key,
    kind: 'decision_stage',
    recipient,
    senderName: 'Office of the Police and Crime Commissioner for Testshire',
    subject: `Decision 2026.001 is waiting for your sign-off (${key})`,
    body: {
      paragraphs: ['A decision is waiting for your finance sign-off.'],
      link: { text: 'Sign off the decision', path: '/staff/decisions/7/sign' },
      footer: ['You get this email because you are a chief finance officer.'],
    },
    link: '/staff/decisions/7/sign',
  }
}

for (const engine of testEngines()) {
  describe(`the outbox and its worker (${engine})`, () => {
    let t: TestDatabase
    let smtp: TestSmtpServer
    let clock: Date
    const worker = (database: Database, url: string) =>
      new OutboxWorker(database, {
        mailer: new SmtpMailer(url),
        baseUrl: BASE,
        mailFrom: FROM,
        firstRetryMs: 60_000,
        maxAttempts: 3,
        now: () => clock,
      })

    before(async () => {
      t = await openTestDatabase(engine)
      smtp = await startSmtpServer()
    })
    after(async () => {
      await smtp.close()
      await t.dispose()
    })

    test('a message queued with its event arrives once, with its recipient, subject, sender and link', async () => {
      const outbox = new OutboxRepository(t.database.db)
      await t.database.transaction((trx) => outbox.enqueue(trx, message('event-1')))
      clock = new Date()
      // The same event again (a retried request, a second pass) queues nothing more.
      const again = await t.database.transaction((trx) => outbox.enqueue(trx, message('event-1')))
      assert.equal(again, false)
      const pass = await worker(t.database, smtp.url).runOnce()
      assert.deepEqual(pass, { sent: 1, logged: 0, retrying: 0, failed: 0 })
      assert.equal((await worker(t.database, smtp.url).runOnce()).sent, 0)
      assert.equal(smtp.received.length, 1)
      const mail = smtp.received[0]!
      assert.deepEqual(mail.to, ['finance@office.example'])
      assert.equal(mail.from, FROM)
      assert.deepEqual(smtp.logins, ['user'])
      assert.equal(mail.parsed.subject, 'Decision 2026.001 is waiting for your sign-off (event-1)')
      assert.equal(mail.parsed.from?.value[0]?.name, 'Office of the Police and Crime Commissioner for Testshire')
      assert.match(mail.parsed.text ?? '', /https:\/\/register\.example\.org\/staff\/decisions\/7\/sign/)
      assert.match(String(mail.parsed.html), /href="https:\/\/register\.example\.org\/staff\/decisions\/7\/sign"/)
      const counts = await outbox.counts()
      assert.equal(counts.sent, 1)
      assert.equal(counts.waiting, 0)
    })

    test('a message queued in a transaction that fails is never sent', async () => {
      clock = new Date()
      const before = smtp.received.length
      await assert.rejects(
        t.database.transaction(async (trx) => {
          await new OutboxRepository(t.database.db).enqueue(trx, message('event-rolled-back'))
          throw new Error('the event failed')
        }),
      )
      await worker(t.database, smtp.url).runOnce()
      assert.equal(smtp.received.length, before)
    })

    test('a server that refuses then accepts gets the message after a retry with back-off', async () => {
      const before = smtp.received.length
      const outbox = new OutboxRepository(t.database.db)
      await t.database.transaction((trx) => outbox.enqueue(trx, message('event-refused')))
      clock = new Date()
      smtp.refuseNext(2)
      assert.deepEqual(await worker(t.database, smtp.url).runOnce(), { sent: 0, logged: 0, retrying: 1, failed: 0 })
      // Not due again until the first wait (a minute) has passed.
      clock = new Date(clock.getTime() + 30_000)
      assert.equal((await worker(t.database, smtp.url).runOnce()).retrying, 0)
      clock = new Date(clock.getTime() + 31_000)
      assert.equal((await worker(t.database, smtp.url).runOnce()).retrying, 1)
      // The second wait is twice the first.
      clock = new Date(clock.getTime() + 61_000)
      assert.equal((await worker(t.database, smtp.url).runOnce()).sent, 0)
      clock = new Date(clock.getTime() + 60_000)
      assert.equal((await worker(t.database, smtp.url).runOnce()).sent, 1)
      const arrived = smtp.received.slice(before)
      assert.equal(arrived.length, 1)
      assert.match(arrived[0]!.parsed.subject ?? '', /event-refused/)
      const row = await t.database.db
        .selectFrom('outbox_messages')
        .selectAll()
        .where('idempotency_key', '=', 'event-refused')
        .executeTakeFirstOrThrow()
      assert.equal(row.status, 'sent')
      assert.equal(row.attempts, 3)
    })

    test('after the last attempt a message is marked failed, and an administrator can queue it again', async () => {
      const outbox = new OutboxRepository(t.database.db)
      await t.database.transaction((trx) => outbox.enqueue(trx, message('event-failing')))
      clock = new Date()
      smtp.refuseNext(3)
      for (let i = 0; i < 3; i++) {
        await worker(t.database, smtp.url).runOnce()
        clock = new Date(clock.getTime() + 10 * 60_000)
      }
      const row = await t.database.db
        .selectFrom('outbox_messages')
        .select(['id', 'status', 'last_error'])
        .where('idempotency_key', '=', 'event-failing')
        .executeTakeFirstOrThrow()
      assert.equal(row.status, 'failed')
      assert.match(row.last_error ?? '', /Try again later/)
      assert.equal(await outbox.retry(row.id), true)
      assert.equal((await worker(t.database, smtp.url).runOnce()).sent, 1)
    })
  })

  describe(`the outbox across a restart (${engine})`, () => {
    test('a message queued while the mail server is down is sent once after the register restarts', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cr-outbox-'))
      let t: TestDatabase | undefined
      const open = async () => {
        if (engine === 'postgres') return Database.open({ databaseUrl: t!.url! })
        const database = await Database.open({ dataDir: dir })
        await migrateToLatest(database)
        return database
      }
      if (engine === 'postgres') t = await openTestDatabase(engine)
      let database = await open()
      let smtp = await startSmtpServer()
      const port = smtp.port
      await smtp.close()
      let clock = new Date(Date.now() + 1000)
      const options = () => ({ baseUrl: BASE, mailFrom: FROM, now: () => clock, firstRetryMs: 1000 })
      try {
        await database.transaction((trx) => new OutboxRepository(database.db).enqueue(trx, message('event-restart')))
        const down = await new OutboxWorker(database, {
          ...options(),
          mailer: new SmtpMailer(`smtp://user:pass@127.0.0.1:${port}`),
        }).runOnce()
        assert.equal(down.retrying, 1)
        // A second message is claimed by a worker that then stops before it can send it (the process ends).
        await database.transaction((trx) => new OutboxRepository(database.db).enqueue(trx, message('event-claimed')))
        await new OutboxRepository(database.db).claimDue(clock, new Date(clock.getTime() + 60_000), 10)
        await database.close()

        database = await open()
        smtp = await startSmtpServer(port)
        clock = new Date(clock.getTime() + 2 * 60_000)
        const mailer = new SmtpMailer(smtp.url)
        const pass = await new OutboxWorker(database, { ...options(), mailer }).runOnce()
        assert.equal(pass.sent, 2)
        assert.equal((await new OutboxWorker(database, { ...options(), mailer }).runOnce()).sent, 0)
        assert.deepEqual(smtp.received.map((m) => m.parsed.subject).sort(), [
          'Decision 2026.001 is waiting for your sign-off (event-claimed)',
          'Decision 2026.001 is waiting for your sign-off (event-restart)',
        ])
        await smtp.close()
      } finally {
        await database.close()
        await t?.dispose()
        rmSync(dir, { recursive: true, force: true })
      }
    })
  })
}
