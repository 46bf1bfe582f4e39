import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { SYSTEM_ACTOR } from '../../../../src/services/audit/audit.ts'
import { ImportService, parseReview, reviewValuesFrom } from '../../../../src/services/imports/index.ts'
import { FormError } from '../../../../src/services/shared/form-error.ts'
import { testEngines } from '../../../support/database.ts'
import { formOf, importReviewSetUp, uploadCumbria } from '../../../support/import-review.ts'
import { rowOf, rowsOf, valueOf } from '../../../support/rows.ts'

for (const engine of testEngines()) {
  describe(`confirming an imported record in the staff area on ${engine}`, () => {
    const { t, app, officer } = importReviewSetUp(engine)
    let reviewPath = ''
    before(async () => {
      const response = await uploadCumbria(officer)
      assert.equal(response.status, 302)
      reviewPath = (response.headers.get('location') ?? '').replace(/\?.*$/, '')
    })

    test('confirming over an Error finding is refused until it is acknowledged with a reason; what was typed is kept', async () => {
      const html = await (await officer.get(reviewPath)).text()
      const findingId = Number(/name="ack-(\d+)"/.exec(html)?.[1])
      assert.ok(findingId > 0, 'the Error finding has a box to acknowledge it')
      assert.match(html, /Error 1: The awards add to £59,500\.00/)
      const form = formOf(html)
      const refused = await officer.postRefused(reviewPath, { ...form, title: 'A typed title', action: 'confirm' })
      assert.match(
        refused,
        new RegExp(`href="#ack-${findingId}">The error: correct the record or acknowledge the error`),
      )
      assert.match(refused, /value="A typed title"/)
      const reasonHtml = await officer.postRefused(reviewPath, {
        ...form,
        [`ack-${findingId}`]: 'yes',
        [`ack-${findingId}-reason`]: '   ',
        action: 'confirm',
      })
      assert.match(reasonHtml, new RegExp(`href="#ack-${findingId}-reason">The error: give the reason`))
      assert.match(
        reasonHtml,
        new RegExp(`id="ack-${findingId}" name="ack-${findingId}" type="checkbox" value="yes" checked`),
      )

      const { input } = parseReview(reviewValuesFrom(form))
      const id = Number(reviewPath.split('/').pop())
      await assert.rejects(
        new ImportService(t.database).confirm(id, Number(form.version), input!, SYSTEM_ACTOR),
        (error: unknown) => error instanceof FormError && `ack-${findingId}` in error.errors,
        'the service refuses too, whatever the form sent',
      )
      const finding = await rowOf(t.database, 'findings', ['acknowledged_at', 'resolved'], { id: findingId })
      assert.deepEqual(finding, { acknowledged_at: null, resolved: false })
    })

    test('mistakes are named by field and row, and the input is kept', async () => {
      const form = formOf(await (await officer.get(reviewPath)).text())
      const html = await officer.postRefused(reviewPath, {
        ...form,
        title: '  ',
        'awards-1-amount': '22,0x0',
        action: 'confirm',
      })
      assert.match(html, /href="#title">Enter the title/)
      assert.match(html, /href="#awards-1-amount">Award 2: enter the amount in pounds/)
      assert.match(html, /value="22,0x0"/)
    })

    test('a save on an older version is refused with a clear message, and the input is kept', async () => {
      const form = formOf(await (await officer.get(reviewPath)).text())
      const html = await officer.postRefused(reviewPath, {
        ...form,
        version: String(Number(form.version) - 1 || 99),
        title: 'A stale title',
        action: 'confirm',
      })
      assert.match(html, /Someone else changed this record after you opened it/)
      assert.match(html, /value="A stale title"/)
      const stored = await rowOf(t.database, 'decisions', ['title', 'review_status'], {
        id: Number(reviewPath.split('/').pop()),
      })
      assert.deepEqual(stored, {
        title: 'Independent Sexual Violence Adviser service for Barrow and Carlisle',
        review_status: 'unreviewed',
      })
    })

    test('an imported record is not public until it is confirmed; confirming saves the corrections, is audited and publishes it', async () => {
      const id = Number(reviewPath.split('/').pop())
      assert.equal((await fetch(`${app.baseUrl}/decisions/cumbria-cpcc-2022-014`)).status, 404)
      const form = formOf(await (await officer.get(reviewPath)).text())
      assert.equal(form.reference, 'CPCC-2022-014')
      assert.equal(form['awards-2-recipient'], 'Birchwood Trust')
      assert.match(form.summary ?? '', /^The Commissioner is asked to fund Independent Sexual Violence Advisers/)
      const findingId = await valueOf(t.database, 'findings', 'id', { decision_id: id, severity: 'error' })
      const response = await officer.post(reviewPath, {
        ...form,
        title: 'ISVA service for Barrow-in-Furness and Carlisle',
        summary: 'Advisers for survivors of rape and sexual abuse in Barrow-in-Furness and Carlisle, for a year.',
        'awards-2-recipient': 'The Birchwood Trust',
        'awards-2-amount': '10,500',
        'awards-3-recipient': 'Cumbria Victims Charitable Trust',
        'awards-3-amount': '1,000',
        'awards-3-period': '2022/23',
        [`ack-${findingId}`]: 'yes',
        [`ack-${findingId}-reason`]: 'The notice states £60,000; the award to Birchwood was £10,500',
        action: 'confirm',
      })
      assert.equal(response.status, 302, await response.clone().text())
      assert.equal(response.headers.get('location'), '/staff/imports?confirmed=cumbria-cpcc-2022-014')
      const d = await t.database.db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
      assert.equal(d.review_status, 'reviewed')
      assert.equal(d.title, 'ISVA service for Barrow-in-Furness and Carlisle')
      const awards = await rowsOf(
        t.database,
        'awards',
        ['recipient_name', 'amount_pence', 'period_start', 'period_end', 'financial_year'],
        { decision_id: id },
        'position',
      )
      assert.deepEqual(
        awards.map((a) => [a.recipient_name, a.amount_pence]),
        [
          ['Safety Net Advice and Support Centre', 2_750_000],
          ['Rape and Sexual Abuse Support Cumbria', 2_200_000],
          ['The Birchwood Trust', 1_050_000],
          ['Cumbria Victims Charitable Trust', 100_000],
        ],
      )
      assert.deepEqual(
        [awards[3]!.period_start, awards[3]!.period_end, awards[3]!.financial_year],
        ['2022-04-01', '2023-03-31', 2022],
      )
      const audit = await rowsOf(
        t.database,
        'audit_log',
        ['action', 'actor_label', 'before', 'after'],
        { entity_type: 'decision', entity_id: String(id) },
        'id',
      )
      assert.deepEqual(
        audit.map((a) => a.action),
        ['import', 'import.confirm'],
      )
      assert.match(audit[1]!.actor_label, /Ina Importer/)
      const finding = await t.database.db
        .selectFrom('findings')
        .selectAll()
        .where('id', '=', findingId)
        .executeTakeFirstOrThrow()
      assert.equal(finding.resolved, true)
      assert.equal(finding.acknowledgement, 'The notice states £60,000; the award to Birchwood was £10,500')
      assert.match(finding.acknowledged_by_label ?? '', /Ina Importer/)
      assert.ok(finding.acknowledged_by && finding.acknowledged_at)
      const acknowledged = await rowsOf(t.database, 'audit_log', ['action', 'actor_label', 'after'], {
        entity_type: 'finding',
        entity_id: String(findingId),
      })
      assert.deepEqual(
        acknowledged.map((a) => [a.action, (a.after as { reason: string; decisionId: number }).reason]),
        [['import.acknowledge_error', 'The notice states £60,000; the award to Birchwood was £10,500']],
      )
      assert.match(acknowledged[0]!.actor_label, /Ina Importer/)
      const reviewed = await (await officer.get(reviewPath)).text()
      assert.match(reviewed, /Acknowledged by Ina Importer[^<]* on [^<]*: The notice states £60,000/)
      assert.equal(
        (audit[1]!.before as { title: string }).title,
        'Independent Sexual Violence Adviser service for Barrow and Carlisle',
      )

      const publicPage = await fetch(`${app.baseUrl}/decisions/cumbria-cpcc-2022-014`)
      assert.equal(publicPage.status, 200)
      const publicHtml = await publicPage.text()
      assert.match(publicHtml, /ISVA service for Barrow-in-Furness and Carlisle/)
      assert.match(
        publicHtml,
        /Advisers for survivors of rape and sexual abuse in Barrow-in-Furness and Carlisle, for a year\./,
      )
      assert.match(await (await fetch(`${app.baseUrl}/?q=advisers+survivors`)).text(), /CPCC-2022-014/)
      const home = await (await fetch(`${app.baseUrl}/?q=Barrow`)).text()
      assert.match(home, /CPCC-2022-014/)
      const list = await (await officer.get('/staff/imports')).text()
      assert.doesNotMatch(list, /Barrow-in-Furness and Carlisle<\/a>/)
    })

    test('a second confirmation of the same record is refused', async () => {
      const html = await (await officer.get(reviewPath)).text()
      assert.match(html, /This record has been confirmed and is in the public register/)
      const form = formOf(html)
      const response = await officer.post(reviewPath, { ...form, version: '1', action: 'confirm' })
      assert.equal(response.status, 400)
      assert.match(await response.text(), /Someone else confirmed this record after you opened it/)
    })
  })
}
