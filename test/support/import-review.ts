/** The import review tests: a staff area with an officer signed in, the review form as a page fills it in. */
import assert from 'node:assert/strict'
import { after, before } from 'node:test'
import { readFileSync } from 'node:fs'
import { openTestDatabase, type TestDatabase, type TestEngine } from './database.ts'
import { ImportClient } from './import-client.ts'
import { startApp, type RunningApp } from './server.ts'
import { standIn } from './services.ts'
import { addStaff, STAFF_PASSWORD } from './staff.ts'

export const CUMBRIA = 'fixtures/documents/a02-cumbria-isva-notice.txt'

/** The form as the review page filled it in: every named input, select and checked box. */
export function formOf(html: string): Record<string, string> {
  const form: Record<string, string> = {}
  const body = html.slice(html.indexOf('id="review-form"'), html.indexOf('</form>', html.indexOf('id="review-form"')))
  const decode = (s: string) =>
    s
      .replace(/&#39;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&')
  for (const match of body.matchAll(/<input([^>]*)>/g)) {
    const attrs = match[1]!
    const name = /name="([^"]+)"/.exec(attrs)?.[1]
    if (!name || name === '_csrf') continue
    if (/type="checkbox"/.test(attrs) && !/\bchecked\b/.test(attrs)) continue
    form[name] = decode(/value="([^"]*)"/.exec(attrs)?.[1] ?? '')
  }
  for (const match of body.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    form[match[1]!] = decode(match[2]!.trim())
  for (const match of body.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    form[match[1]!] = decode(
      /<option value="([^"]*)"[^>]*selected/.exec(match[2]!)?.[1] ??
        /<option value="([^"]*)"/.exec(match[2]!)?.[1] ??
        '',
    )
  }
  return form
}

/** Uploads the Cumbria notice as `officer`, under `name`. */
export function uploadCumbria(officer: ImportClient, name = 'a02-cumbria-isva-notice.txt'): Promise<Response> {
  return officer.upload(name, readFileSync(CUMBRIA), 'text/plain')
}

/**
 * The set-up of the import review tests (call it inside `describe`): the demonstration register in the web
 * application, an officer (importer@test.example, signed in as `officer`) and a finance officer
 * (finance@test.example); all close after the last test.
 */
export function importReviewSetUp(engine: TestEngine) {
  let t: TestDatabase | undefined
  let app: RunningApp | undefined
  let officer: ImportClient | undefined
  before(async () => {
    t = await openTestDatabase(engine, { demo: true })
    app = await startApp(t.database)
    await addStaff(t.database, { email: 'importer@test.example', name: 'Ina Importer', roles: ['officer'] })
    await addStaff(t.database, { email: 'finance@test.example', name: 'Fin', roles: ['finance_officer'] })
    officer = new ImportClient(app.baseUrl)
    assert.equal((await officer.signIn('importer@test.example', STAFF_PASSWORD)).status, 302)
  })
  after(async () => {
    await app?.stop()
    await t?.dispose()
  })
  return {
    t: standIn(() => t, 'The test database'),
    app: standIn(() => app, 'The application'),
    officer: standIn(() => officer, 'The officer'),
  }
}
