#!/usr/bin/env node
// The whole suite: typecheck, lint, formatting (prettier), unit and integration tests (embedded engine, and PostgreSQL
// when TEST_DATABASE_URL is set), then end-to-end tests in Chromium.
// Node 20's `node --test` does not expand globs, so the files are listed here.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

function testFiles(dir) {
  let found = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) found = found.concat(testFiles(path))
    else if (name.endsWith('.test.ts')) found.push(path)
  }
  return found
}

function run(label, command, args, env = {}) {
  console.log(`\n== ${label}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) {
    console.error(`\n${label} failed`)
    process.exit(result.status ?? 1)
  }
}

const only = process.argv[2]
if (process.env.CI === 'true' && !process.env.TEST_DATABASE_URL) {
  console.error('CI must run the suite on PostgreSQL as well: set TEST_DATABASE_URL')
  process.exit(1)
}
console.log(
  process.env.TEST_DATABASE_URL
    ? 'Engines: embedded (PGlite) and PostgreSQL'
    : 'Engines: embedded (PGlite) only; set TEST_DATABASE_URL to add PostgreSQL',
)
const npx = 'npx'
if (!only || only === 'static') {
  run('typecheck', npx, ['tsc', '--noEmit'])
  run('lint', npx, ['eslint', '.', '--max-warnings=0'])
  run('format', npx, ['prettier', '--check', '.'])
}
if (!only || only === 'unit') {
  const files = [...testFiles('test/unit'), ...testFiles('test/integration')]
  run('unit and integration tests', process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files])
}
if (!only || only === 'e2e') {
  run('end-to-end tests (Chromium)', process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    ...testFiles('test/e2e'),
  ])
}
