import { DAY_MS } from './audit-chain.ts'
import type { AuditService } from './audit.ts'

/** Publishes the audit log's head now and then once a day; returns a function that stops the schedule. */
export function scheduleAuditHeadPublication(
  audit: AuditService,
  onError: (error: unknown) => void,
  intervalMs = DAY_MS,
): () => void {
  const publish = () => audit.publishHead().catch(onError)
  void publish()
  const timer = setInterval(publish, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
