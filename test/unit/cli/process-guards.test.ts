import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const guards = fileURLToPath(new URL('../../../src/cli/process-guards.ts', import.meta.url))

/** Runs a small server process with the guards, breaks it twice, and asks whether it still answers. */
const script = `
import { createServer } from 'node:http'
import { keepServingOnUnexpectedErrors } from ${JSON.stringify(guards)}
keepServingOnUnexpectedErrors()
const server = createServer((_req, res) => res.end('still serving'))
server.listen(0, '127.0.0.1', async () => {
  setTimeout(() => { throw new Error('a callback nobody guarded') })
  Promise.reject(new Error('a promise nobody awaited'))
  await new Promise((resolve) => setTimeout(resolve, 100))
  const answer = await (await fetch('http://127.0.0.1:' + server.address().port)).text()
  process.stdout.write('ANSWER ' + answer + '\\n')
  server.close()
})
`

test('an uncaught exception and an unhandled rejection are logged and the server keeps answering', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  assert.equal(code, 0, stderr)
  assert.match(stdout, /ANSWER still serving/)
  assert.match(stderr, /"message":"uncaught exception; still serving".*"error":"a callback nobody guarded"/)
  assert.match(stderr, /"message":"unhandled promise rejection; still serving".*"error":"a promise nobody awaited"/)
})
