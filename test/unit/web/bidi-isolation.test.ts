import assert from 'node:assert/strict'
import { test } from 'node:test'
import express, { type Request, type Response } from 'express'
import { isolateBidi, stripBidiControls } from '../../../src/domain/bidi.ts'
import { unwrapIsolatedFormValues } from '../../../src/web/form-values.ts'
import { setUpNunjucks } from '../../../src/web/nunjucks.ts'

const OVERRIDE = '\u202E'

test('a file name loses its direction controls', () => {
  assert.equal(stripBidiControls(`invoice${OVERRIDE}fdp.exe`), 'invoicefdp.exe')
  assert.equal(stripBidiControls('\u2066a\u2069\u200Fb\u200E'), 'ab')
})

test('text with a direction control is wrapped in an isolate; other text is untouched', () => {
  assert.equal(isolateBidi(`Refuge ${OVERRIDE}txet`), `\u2068Refuge ${OVERRIDE}txet\u2069`)
  assert.equal(isolateBidi('Refuge provision'), 'Refuge provision')
})

test('a template prints text carrying an override inside an isolate, still escaped', () => {
  const env = setUpNunjucks(express(), false)
  const html = env.renderString('<h1>{{ title }}</h1><p>{{ plain }}</p><input value="{{ title }}">', {
    title: `<b>${OVERRIDE}evil</b>`,
    plain: 'Outreach & refuge',
  })
  assert.equal(
    html,
    `<h1>\u2068&lt;b&gt;${OVERRIDE}evil&lt;/b&gt;\u2069</h1><p>Outreach &amp; refuge</p><input value="\u2068&lt;b&gt;${OVERRIDE}evil&lt;/b&gt;\u2069">`,
  )
})

test('a value printed isolated in a form comes back as it was stored', () => {
  const stored = `Refuge ${OVERRIDE}txet`
  const req = {
    body: { title: isolateBidi(stored), awards: [{ recipient: isolateBidi(stored) }], plain: '\u2068kept\u2069' },
  } as unknown as Request
  unwrapIsolatedFormValues(req, {} as Response, () => {})
  assert.deepEqual(req.body, { title: stored, awards: [{ recipient: stored }], plain: '\u2068kept\u2069' })
})

test('a form field holding NUL or U+FFFE is refused with a 400 naming the field, before anything reads it', () => {
  for (const bad of ['Refuge\u0000grant', 'Outreach\uFFFE']) {
    const req = { body: { title: 'Fine', awards: [{ recipient: bad }] } } as unknown as Request
    let passed: unknown
    unwrapIsolatedFormValues(req, {} as Response, (error?: unknown) => (passed = error))
    assert.ok(passed instanceof Error)
    assert.equal((passed as Error & { status: number }).status, 400)
    assert.match((passed as Error).message, /The field “recipient” holds a character that is not allowed/)
  }
  const fine = { body: { title: 'Line one\nline two\ttabbed' } } as unknown as Request
  let passed: unknown = 'not called'
  unwrapIsolatedFormValues(fine, {} as Response, (error?: unknown) => (passed = error))
  assert.equal(passed, undefined)
})
