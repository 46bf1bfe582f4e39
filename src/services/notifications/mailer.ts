import { createHash } from 'node:crypto'
import nodemailer, { type Transporter } from 'nodemailer'
import { logger } from '../../logger.ts'

/** One message as it leaves the register: both parts rendered, links absolute. */
export interface OutgoingMail {
  from: { name: string; address: string }
  to: string
  subject: string
  text: string
  html: string
  /** Stable per outbox message, so a receiving server or client can tell a repeat from a new message. */
  messageId: string
  /** The one-click unsubscribe address (public alerts): sent as List-Unsubscribe and List-Unsubscribe-Post. */
  unsubscribeUrl: string | null
}

export interface Mailer {
  /** 'sent' when an SMTP server accepted it; 'logged' when there is no server and it went to the log. */
  send(mail: OutgoingMail): Promise<'sent' | 'logged'>
  close(): void
}

/** Sends through the SMTP server of SMTP_URL (smtp://user:pass@host:587, or smtps:// for TLS from the start). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter

  constructor(smtpUrl: string) {
    this.transport = nodemailer.createTransport(smtpUrl)
  }

  async send(mail: OutgoingMail): Promise<'sent'> {
    await this.transport.sendMail({
      from: { name: mail.from.name, address: mail.from.address },
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: mail.unsubscribeUrl ? { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {},
      list: mail.unsubscribeUrl ? { unsubscribe: mail.unsubscribeUrl } : undefined,
    })
    return 'sent'
  }

  close(): void {
    this.transport.close()
  }
}

/** Without SMTP_URL: each message is written to the log (and stays in the outbox, marked as logged). */
export class LogMailer implements Mailer {
  async send(mail: OutgoingMail): Promise<'logged'> {
    logger.info('email not sent: SMTP_URL is not set', {
      to: mail.to,
      from: `${mail.from.name} <${mail.from.address}>`,
      subject: mail.subject,
      messageId: mail.messageId,
      text: mail.text,
    })
    return 'logged'
  }

  close(): void {}
}

export function mailerFor(smtpUrl: string | null): Mailer {
  return smtpUrl ? new SmtpMailer(smtpUrl) : new LogMailer()
}

export function messageIdFor(idempotencyKey: string, mailFrom: string): string {
  const domain = mailFrom.split('@')[1] || 'localhost'
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32)}@${domain}>`
}
