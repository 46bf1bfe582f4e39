import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
  accessSync,
  constants,
} from 'node:fs'
import { join } from 'node:path'

export class DataDirectoryError extends Error {}

/**
 * PGlite does not lock its data directory, and two processes writing one directory corrupt it.
 * A lock file created with O_EXCL holds the directory; a lock left by a process that has died is taken over.
 */
export function lockDataDirectory(dataDir: string): () => void {
  try {
    mkdirSync(dataDir, { recursive: true })
    accessSync(dataDir, constants.W_OK)
  } catch {
    throw new DataDirectoryError(
      `The data directory ${dataDir} cannot be written. Set DATA_DIR to a directory this user can write.`,
    )
  }
  const lockPath = join(dataDir, 'commissioning-register.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      let released = false
      return () => {
        if (released) return
        released = true
        rmSync(lockPath, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(lockPath, 'utf8').trim())
      if (holder && holder !== process.pid && processIsAlive(holder)) {
        throw new DataDirectoryError(
          `The data directory ${dataDir} is in use by another process (pid ${holder}, lock file ${lockPath}). Stop that process or set DATA_DIR to another directory.`,
        )
      }
      if (existsSync(lockPath)) rmSync(lockPath, { force: true })
    }
  }
  throw new DataDirectoryError(`Could not take the lock file ${lockPath}.`)
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The id of a live process holding the data directory, or null when nobody holds it. */
export function dataDirectoryHolder(dataDir: string): number | null {
  const lockPath = join(dataDir, 'commissioning-register.lock')
  if (!existsSync(lockPath)) return null
  const holder = Number(readFileSync(lockPath, 'utf8').trim())
  return holder && holder !== process.pid && processIsAlive(holder) ? holder : null
}
