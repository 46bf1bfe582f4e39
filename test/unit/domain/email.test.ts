import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderEmail } from '../../../src/domain/email.ts'
import { kindsForRoles, wantsNotification } from '../../../src/domain/notifications.ts'
import { backOffMs } from '../../../src/services/notifications/outbox-worker.ts'

test('an email renders as text and HTML with absolute links, its inset quoted and its text escaped', () => {
  const { text, html } = renderEmail(
    {
      paragraphs: ['Decision <2026.001> has been returned to you.'],
      inset: 'Add the match funding.\nAnd the dates.',
      list: [{ text: 'One & two', path: '/staff/imports/4' }],
      link: { text: 'Change the draft', path: '/staff/decisions/7' },
      footer: ['Why you get this.'],
      footerLink: { text: 'Unsubscribe', path: '/alerts/unsubscribe/abc' },
    },
    'https://register.example.org/base/',
  )
  assert.match(
    text,
    /^Decision <2026\.001> has been returned to you\.\n\n\^ Add the match funding\.\n\^ And the dates\./,
  )
  assert.match(text, /Change the draft:\nhttps:\/\/register\.example\.org\/staff\/decisions\/7\n/)
  assert.match(text, /\* One & two\n {2}https:\/\/register\.example\.org\/staff\/imports\/4/)
  assert.match(
    text,
    /---\n\nWhy you get this\.\n\nUnsubscribe:\nhttps:\/\/register\.example\.org\/alerts\/unsubscribe\/abc\n$/,
  )
  assert.match(html, /Decision &lt;2026\.001&gt; has been returned/)
  assert.match(html, /Add the match funding\.<br>And the dates\./)
  assert.match(html, /<a href="https:\/\/register\.example\.org\/staff\/decisions\/7"[^>]*>Change the draft<\/a>/)
  assert.match(html, /One &amp; two/)
  assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/)
})

test('the back-off doubles from the first wait up to the longest', () => {
  assert.deepEqual(
    [1, 2, 3, 4, 5, 9].map((n) => backOffMs(n, 60_000, 6 * 60_000)),
    [60_000, 120_000, 240_000, 360_000, 360_000, 360_000],
  )
})

test('each person gets the notifications of their roles, on unless they turned one off', () => {
  assert.deepEqual(kindsForRoles(['finance_officer']), ['decision_stage', 'monthly_digest'])
  assert.deepEqual(kindsForRoles(['administrator']), [])
  assert.equal(kindsForRoles(['officer']).includes('foi_due'), true)
  assert.equal(wantsNotification('foi_due', ['officer'], new Map()), true)
  assert.equal(wantsNotification('foi_due', ['officer'], new Map([['foi_due', false]])), false)
  assert.equal(wantsNotification('decision_stage', ['officer'], new Map([['decision_stage', true]])), false)
})
