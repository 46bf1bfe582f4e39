import { PassThrough } from 'node:stream'
import { writeBackup } from '../../src/db/backup.ts'
import type { Database } from '../../src/db/database.ts'

/** The backup of `database` that writeBackup writes, signed with `signingKey`. */
export async function backupOf(database: Database, signingKey: string): Promise<Buffer> {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on('data', (chunk: Buffer) => chunks.push(chunk))
  await writeBackup(database, out, signingKey)
  out.end()
  return Buffer.concat(chunks)
}
