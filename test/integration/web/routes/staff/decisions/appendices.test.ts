import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { ImportService } from '../../../../../../src/services/imports/index.ts'
import { WorkflowService } from '../../../../../../src/services/decisions/workflow.ts'
import {
  addWorkflowPeople,
  draftReadyToSubmit,
  SIGN_OFF_CHAIN,
  type WorkflowPerson,
  draftDetails,
} from '../../../../../support/decision-draft.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../../../../support/database.ts'
import { startApp, type RunningApp } from '../../../../../support/server.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'
import { signedIn, STAFF_PASSWORD } from '../../../../../support/staff.ts'

const details = draftDetails({
  title: 'Sanctuary scheme in Rushcliffe',
  authorName: 'Priya Officer',
  executiveSummary: 'Target hardening for survivors who stay in their homes.',
  decisionText: 'Approve the scheme.',
})
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'latin1')

for (const engine of testEngines()) {
  describe(`a draft's appendices on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp
    let workflow: WorkflowService
    const people: Record<string, WorkflowPerson> = {}
    let officer: StaffClient

    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      workflow = new WorkflowService(t.database)
      app = await startApp(t.database)
      await addWorkflowPeople(t.database, SIGN_OFF_CHAIN, 'appendix.example', people, { password: STAFF_PASSWORD })
      officer = await signedIn(app.baseUrl, 'officer@appendix.example')
    })
    after(async () => {
      await app.stop()
      await t.dispose()
    })

    const version = async (id: number) => String((await workflow.detail(id))!.decision.version)
    async function upload(id: number, fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
      await officer.get(`/staff/decisions/${id}/appendices/new`)
      const form = new FormData()
      form.append('version', await version(id))
      for (const [k, v] of Object.entries(fields)) form.append(k, v)
      if (file) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name)
      return officer.postMultipart(`/staff/decisions/${id}/appendices/new`, form)
    }

    test('bad uploads are refused naming the field, and nothing is stored', async () => {
      const id = await draftReadyToSubmit(workflow, details, people.officer!.actor)
      const none = await upload(id, { title: '', visibility: '' })
      assert.equal(none.status, 400)
      const html = await none.text()
      assert.match(html, /govuk-error-summary/)
      assert.match(html, /href="#file">Select a PDF or Word document/)
      assert.match(html, /href="#title">Enter a title for the appendix/)
      assert.match(html, /Choose whether the appendix is published or withheld/)

      const renamed = await upload(
        id,
        { title: 'A picture', visibility: 'public' },
        { name: 'map.pdf', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
      )
      assert.equal(renamed.status, 400)
      const renamedHtml = await renamed.text()
      assert.match(renamedHtml, /The selected file is named \.pdf but is not a PDF file/)
      assert.match(renamedHtml, /value="A picture"/)

      const wrongType = await upload(
        id,
        { title: 'A program', visibility: 'public' },
        { name: 'tool.exe', bytes: Buffer.from('MZ') },
      )
      assert.match(await wrongType.text(), /must be a PDF or a Word document/)

      const noExemption = await upload(
        id,
        { title: 'Costs', visibility: 'withheld', exemption: '' },
        { name: 'costs.pdf', bytes: PDF },
      )
      assert.match(await noExemption.text(), /Choose the exemption the appendix is withheld under/)
      assert.deepEqual(await workflow.appendices(id), [])
    })

    test('a file over the size limit is refused naming the limit', async () => {
      const small = await startApp(t.database, { imports: new ImportService(t.database, { maxBytes: 40 }) })
      try {
        const id = await draftReadyToSubmit(workflow, details, people.officer!.actor)
        const client = new StaffClient(small.baseUrl)
        await client.signIn('officer@appendix.example', STAFF_PASSWORD)
        await client.get(`/staff/decisions/${id}/appendices/new`)
        const form = new FormData()
        form.append('version', await version(id))
        form.append('title', 'Too big')
        form.append('visibility', 'public')
        form.append('file', new Blob([new Uint8Array(Buffer.concat([PDF, PDF]))]), 'big.pdf')
        const response = await client.postMultipart(`/staff/decisions/${id}/appendices/new`, form)
        assert.equal(response.status, 400)
        assert.match(await response.text(), /The selected file must be smaller than 40 bytes/)
        assert.deepEqual(await workflow.appendices(id), [])
      } finally {
        await small.stop()
      }
    })

    test('uploaded appendices are listed, removable after a check, and only public ones are published', async () => {
      const id = await draftReadyToSubmit(workflow, details, people.officer!.actor)
      const task = await (await officer.get(`/staff/decisions/${id}`)).text()
      assert.match(task, /href="appendices"|\/appendices"/)

      const added = await upload(
        id,
        { title: 'Appendix A: needs assessment', visibility: 'public' },
        { name: 'needs.pdf', bytes: PDF },
      )
      assert.equal(added.status, 303)
      assert.equal(added.headers.get('location'), `/staff/decisions/${id}/appendices?added=1`)
      const withheld = await upload(
        id,
        { title: 'Appendix B: provider costs', visibility: 'withheld', exemption: 's.43' },
        { name: 'costs.pdf', bytes: PDF },
      )
      assert.equal(withheld.status, 303)
      const extra = await upload(
        id,
        { title: 'Appendix C: draft map', visibility: 'public' },
        { name: 'map.pdf', bytes: PDF },
      )
      assert.equal(extra.status, 303)

      const list = await (await officer.get(`/staff/decisions/${id}/appendices?added=1`)).text()
      assert.match(list, /You have added 3 appendices/)
      assert.match(list, /Appendix added/)
      assert.match(list, /Withheld: s\.43 – commercial interests/)
      assert.match(list, /needs\.pdf \(PDF, 1 KB\)|needs\.pdf \(PDF, \d+ bytes\)/)

      const appendices = await workflow.appendices(id)
      const map = appendices.find((a) => a.title.startsWith('Appendix C'))!
      const check = await (await officer.get(`/staff/decisions/${id}/appendices/${map.id}/remove`)).text()
      assert.match(check, /Are you sure you want to remove the appendix “Appendix C: draft map”\?/)
      const removed = await officer.post(`/staff/decisions/${id}/appendices/${map.id}/remove`, {
        version: await version(id),
        confirm: 'yes',
      })
      assert.equal(removed.status, 303)
      assert.equal((await workflow.appendices(id)).length, 2)

      const file = await officer.get(`/staff/decisions/${id}/appendices/${appendices[0]!.id}/file`)
      assert.equal(file.headers.get('content-type'), 'application/pdf')
      assert.deepEqual(Buffer.from(await file.arrayBuffer()), PDF)

      const done = await officer.post(`/staff/decisions/${id}/appendices`, {
        version: await version(id),
        completed: 'yes',
      })
      assert.equal(done.status, 303)
      const taskList = await (await officer.get(`/staff/decisions/${id}`)).text()
      assert.match(taskList, /Appendices[\s\S]*?Completed/)
      const submitPage = await (await officer.get(`/staff/decisions/${id}/submit`)).text()
      assert.match(submitPage, /Appendix B: provider costs[\s\S]*?withheld under s\.43/)

      await workflow.submit(id, Number(await version(id)), people.officer!.actor)
      for (const [who, extraInput] of [
        ['finance', {}],
        ['ceo', {}],
        ['pcc', { declaration: 'no_interest' as const }],
      ] as const)
        await workflow.signOff(
          id,
          Number(await version(id)),
          people[who]!.signer,
          { outcome: 'approved', comment: null, declaration: null, declaredInterest: null, ...extraInput },
          people[who]!.actor,
        )
      const slug = await workflow.publish(id, Number(await version(id)), people.officer!.actor)
      const page = await (await fetch(`${app.baseUrl}/decisions/${slug}`)).text()
      assert.match(page, /Appendix A: needs assessment/)
      assert.doesNotMatch(page, /provider costs/)
      const publicA = appendices.find((a) => a.title.startsWith('Appendix A'))!
      const publicB = appendices.find((a) => a.title.startsWith('Appendix B'))!
      const got = await fetch(`${app.baseUrl}/decisions/${slug}/appendices/${publicA.id}`)
      assert.equal(got.status, 200)
      assert.deepEqual(Buffer.from(await got.arrayBuffer()), PDF)
      assert.equal((await fetch(`${app.baseUrl}/decisions/${slug}/appendices/${publicB.id}`)).status, 404)
      assert.equal((await fetch(`${app.baseUrl}/decisions/${slug}/appendices/${map.id}`)).status, 404)
    })
  })
}
