import type { AddressInfo } from 'node:net'
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  /** The envelope's recipients, as the server was told them. */
  to: string[]
  from: string
  parsed: ParsedMail
  raw: string
}

export interface TestSmtpServer {
  /** smtp://user:pass@127.0.0.1:port */
  url: string
  port: number
  received: ReceivedMail[]
  /** Refuses the next `n` messages with a temporary failure (451), as a busy server does. */
  refuseNext(n: number): void
  /** The logins the server accepted. */
  logins: string[]
  close(): Promise<void>
}

/**
 * A real SMTP server on a free port of localhost, started by the test: it takes a login (user/pass), keeps
 * every message it accepts, parsed, and can refuse messages for a while.
 */
export async function startSmtpServer(port = 0): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = []
  const logins: string[] = []
  let refusals = 0
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'user' && auth.password === 'pass') {
        logins.push(auth.username)
        return callback(null, { user: auth.username })
      }
      callback(new Error('Invalid username or password'))
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        if (refusals > 0) {
          refusals--
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 })
          return callback(error)
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address),
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              parsed,
              raw,
            })
            callback()
          })
          .catch((error: Error) => callback(error))
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()))
  const actual = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://user:pass@127.0.0.1:${actual}`,
    port: actual,
    received,
    logins,
    refuseNext(n) {
      refusals = n
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
