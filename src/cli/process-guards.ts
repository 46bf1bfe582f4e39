import { logger } from '../logger.ts'

let installed = false

/**
 * A failure that escapes every handler (a promise nobody awaited, a callback that threw) is logged and the
 * server keeps answering: one bad request must not take the register down for everyone. Each response's
 * own failures are handled where they happen; this is the last line.
 */
export function keepServingOnUnexpectedErrors(): void {
  if (installed) return
  installed = true
  process.on('unhandledRejection', (reason) => {
    logger.error('unhandled promise rejection; still serving', {
      error: reason instanceof Error ? reason.message : String(reason),
      stack: reason instanceof Error ? reason.stack : undefined,
    })
  })
  process.on('uncaughtException', (error, origin) => {
    logger.error('uncaught exception; still serving', { origin, error: error.message, stack: error.stack })
  })
}
