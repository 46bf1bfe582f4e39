import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before } from 'node:test'
import { spawn } from 'node:child_process'

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the command line as a user would, on the embedded engine unless env says otherwise. */
export function cli(args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/commissioning-register.js', ...args], {
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

/** A command line's options, `--name value` in the order given; `true` gives the option alone (`--deployment-admin`). */
export function flags(options: Record<string, string | true>): string[] {
  return Object.entries(options).flatMap(([name, value]) => (value === true ? [`--${name}`] : [`--${name}`, value]))
}

/** A folder of its own for the describe block it is called in: made before its tests, removed after them. */
export function temporaryFolder(prefix: string): () => string {
  let folder: string | undefined
  before(() => {
    folder = mkdtempSync(join(tmpdir(), prefix))
  })
  after(() => {
    if (folder) rmSync(folder, { recursive: true, force: true })
  })
  return () => {
    if (!folder) throw new Error('The temporary folder is made in the before hook: use it inside a test or hook')
    return folder
  }
}
