import type { Database } from '../../db/database.ts'
import { OutboxRepository, type OutboxMessage } from '../../db/repositories/notifications/outbox.ts'
import { absoluteUrl, renderEmail } from '../../domain/email.ts'
import { logger } from '../../logger.ts'
import { messageIdFor, type Mailer, type OutgoingMail } from './mailer.ts'

export interface OutboxWorkerOptions {
  mailer: Mailer
  /** The register's public address, put in front of every link. */
  baseUrl: string
  mailFrom: string
  /** The wait after the first failed attempt; each further failure doubles it (exponential back-off). */
  firstRetryMs?: number
  /** The longest wait between attempts. */
  maxRetryMs?: number
  /** After this many attempts a message is marked failed (an administrator can queue it again). */
  maxAttempts?: number
  /** How long a worker holds a message it is sending; past this another worker (or a restart) takes it up. */
  claimMs?: number
  batchSize?: number
  now?: () => Date
}

export interface WorkerPass {
  sent: number
  logged: number
  retrying: number
  failed: number
}

/** The wait before attempt `attempt + 1` after `attempt` failures: first, then doubled each time, at most max. */
export function backOffMs(failures: number, firstMs: number, maxMs: number): number {
  return Math.min(maxMs, firstMs * 2 ** Math.max(0, failures - 1))
}

/** Renders a queued message as it leaves the register. */
export function outgoingMail(message: OutboxMessage, baseUrl: string, mailFrom: string): OutgoingMail {
  const rendered = renderEmail(message.body, baseUrl)
  return {
    from: { name: message.sender_name, address: mailFrom },
    to: message.recipient,
    subject: message.subject,
    text: rendered.text,
    html: rendered.html,
    messageId: messageIdFor(message.idempotency_key, mailFrom),
    unsubscribeUrl: message.unsubscribe_path ? absoluteUrl(baseUrl, message.unsubscribe_path) : null,
  }
}

/**
 * Sends what waits in the outbox. Each pass claims the messages that are due in one statement, sends each,
 * and records the outcome: sent, or another attempt after an exponentially growing wait, or failed after the
 * last attempt. Nothing is held in memory between passes, so a restart loses nothing; a message is marked
 * sent as soon as the server accepts it, and only a crash between the two could send it again (with the same
 * Message-ID).
 */
export class OutboxWorker {
  private readonly outbox: OutboxRepository
  private readonly firstRetryMs: number
  private readonly maxRetryMs: number
  private readonly maxAttempts: number
  private readonly claimMs: number
  private readonly batchSize: number
  private readonly now: () => Date

  constructor(
    database: Database,
    private readonly options: OutboxWorkerOptions,
  ) {
    this.outbox = new OutboxRepository(database.db)
    this.firstRetryMs = options.firstRetryMs ?? 60_000
    this.maxRetryMs = options.maxRetryMs ?? 6 * 60 * 60_000
    this.maxAttempts = options.maxAttempts ?? 10
    this.claimMs = options.claimMs ?? 5 * 60_000
    this.batchSize = options.batchSize ?? 20
    this.now = options.now ?? (() => new Date())
  }

  /** Sends everything due now, batch after batch, and returns what happened. */
  async runOnce(): Promise<WorkerPass> {
    const pass: WorkerPass = { sent: 0, logged: 0, retrying: 0, failed: 0 }
    for (;;) {
      const now = this.now()
      const claimedUntil = new Date(now.getTime() + this.claimMs)
      const batch = await this.outbox.claimDue(now, claimedUntil, this.batchSize)
      if (batch.length === 0) return pass
      for (const message of batch) await this.deliver(message, claimedUntil, pass)
      if (batch.length < this.batchSize) return pass
    }
  }

  private async deliver(message: OutboxMessage, claimedUntil: Date, pass: WorkerPass): Promise<void> {
    let outcome: 'sent' | 'logged'
    try {
      outcome = await this.options.mailer.send(outgoingMail(message, this.options.baseUrl, this.options.mailFrom))
    } catch (error) {
      const attempts = message.attempts + 1
      const reason = error instanceof Error ? error.message : String(error)
      const next =
        attempts >= this.maxAttempts
          ? null
          : new Date(this.now().getTime() + backOffMs(attempts, this.firstRetryMs, this.maxRetryMs))
      await this.outbox.markAttemptFailed(message.id, reason, next, claimedUntil)
      if (next) pass.retrying++
      else pass.failed++
      logger.warn(next ? 'email not sent: will try again' : 'email not sent: giving up', {
        outboxId: message.id,
        attempts,
        nextAttemptAt: next?.toISOString(),
        error: reason,
      })
      return
    }
    await this.outbox.markDone(message.id, outcome, claimedUntil)
    pass[outcome]++
  }
}

/** Runs the worker every `intervalMs` in the server process; returns a function that stops it. */
export function scheduleOutboxWorker(worker: OutboxWorker, intervalMs = 10_000): () => void {
  let running = false
  const tick = async () => {
    if (running) return
    running = true
    try {
      await worker.runOnce()
    } catch (error) {
      logger.error('the outbox worker failed', { error: String(error) })
    } finally {
      running = false
    }
  }
  void tick()
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
