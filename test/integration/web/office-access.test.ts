import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import type { Role } from '../../../src/domain/roles.ts'
import { AccountService } from '../../../src/services/accounts/accounts.ts'
import { ApiTokenService } from '../../../src/services/accounts/api-tokens.ts'
import { SYSTEM_ACTOR } from '../../../src/services/audit/audit.ts'
import { WorkflowService } from '../../../src/services/decisions/workflow.ts'
import { FoiService } from '../../../src/services/foi/requests.ts'
import { ImportService } from '../../../src/services/imports/index.ts'
import { addStaff, signedIn, webAppSetUp } from '../../support/staff.ts'
import { testEngines } from '../../support/database.ts'
import { homeOfficeId, officeIdOf } from '../../support/records.ts'

const EVERY_ROLE: Role[] = ['officer', 'finance_officer', 'chief_executive', 'decision_maker', 'administrator']
const FOI_ACTIONS = [
  'clarification',
  'clarification-reply',
  'extension',
  'response',
  'publish',
  'review',
  'review-outcome',
  'ico',
  'close',
]
const DECISION_TASKS = [
  'details',
  'finance',
  'areas',
  'awards',
  'awards/new',
  'contributions',
  'contributions/new',
  'classification',
  'links',
  'delete',
]

/**
 * Every staff page and form of one office's records, by placeholder: {draft} a draft decision, {foi} an FOI
 * request and {question} its first question, {import} an imported record awaiting review, {user} a member of
 * staff, {service} a commissioned service, {office} the office itself, {token} an API token.
 */
const RECORD_PAGES: string[] = [
  '/staff/decisions/{draft}',
  ...DECISION_TASKS.map((task) => `/staff/decisions/{draft}/${task}`),
  '/staff/decisions/{draft}/submit',
  '/staff/decisions/{draft}/hand-over',
  '/staff/decisions/{draft}/sign',
  '/staff/decisions/{draft}/publish',
  '/staff/foi/{foi}',
  '/staff/foi/{foi}/questions/{question}',
  ...FOI_ACTIONS.map((action) => `/staff/foi/{foi}/${action}`),
  '/staff/imports/{import}',
  '/staff/imports/{import}/document',
  '/staff/users/{user}',
  '/staff/users/{user}/roles',
  '/staff/users/{user}/status',
  '/staff/users/{user}/password',
  '/staff/ledger/services/{service}',
  '/staff/ledger/services/{service}/edit',
  '/staff/ledger/services/{service}/record/extension',
  '/staff/ledger/services/{service}/record/end',
  '/staff/settings?office={office}',
]
const RECORD_FORMS: string[] = [
  ...DECISION_TASKS.map((task) => `/staff/decisions/{draft}/${task}`),
  '/staff/decisions/{draft}/submit',
  '/staff/decisions/{draft}/hand-over',
  '/staff/decisions/{draft}/sign/check',
  '/staff/decisions/{draft}/sign',
  '/staff/decisions/{draft}/publish',
  '/staff/foi/{foi}/start',
  '/staff/foi/{foi}/questions',
  '/staff/foi/{foi}/questions/{question}',
  ...FOI_ACTIONS.map((action) => `/staff/foi/{foi}/${action}`),
  '/staff/imports/{import}',
  '/staff/users/{user}/roles',
  '/staff/users/{user}/status',
  '/staff/users/{user}/password',
  '/staff/ledger/services/{service}/outcomes',
  '/staff/ledger/services/{service}/contributions',
]

for (const engine of testEngines()) {
  describe(`one office's staff and another office's records on ${engine}`, () => {
    const web = webAppSetUp(engine)
    const ids: Record<string, string> = {}
    let nottsDraftTitle = ''
    let nottsFoiReference = ''
    let essexToken = ''
    let essexId = 0
    let nottsId = 0
    const fill = (path: string) => path.replace(/\{(\w+)\}/g, (_, key: string) => ids[key]!)

    before(async () => {
      const db = web.database.db
      nottsId = await homeOfficeId(web.database)
      essexId = await officeIdOf(web.database, 'Essex')
      const notts = await addStaff(web.database, {
        email: 'notts@test.example',
        name: 'Notts Officer',
        roles: EVERY_ROLE,
        officeId: nottsId,
      })
      const essex = await addStaff(web.database, {
        email: 'essex@test.example',
        name: 'Essex Staff',
        roles: EVERY_ROLE,
        officeId: essexId,
      })
      const nottsActor = { userId: notts.id, label: 'notts', scope: undefined }
      nottsDraftTitle = 'Nottinghamshire draft nobody else may see'
      ids.draft = String(
        await new WorkflowService(web.database).createDraft(
          {
            officeId: nottsId,
            kind: 'decision',
            title: nottsDraftTitle,
            authorName: 'Notts Officer',
            authorContact: null,
            executiveSummary: null,
            supportingInformation: null,
            recommendations: null,
            decisionText: null,
          },
          nottsActor,
        ),
      )
      const foi = await new FoiService(web.database).log(
        {
          reference: 'NOTTS-ACCESS/1',
          receivedOn: '2024-05-01',
          channel: 'email',
          requesterName: 'Ada Requester',
          requesterContact: 'ada@example.org',
          summary: 'Refuge spending',
          questions: ['How much was spent on refuges?'],
        },
        nottsId,
        nottsActor,
      )
      nottsFoiReference = foi.reference
      ids.foi = String(foi.id)
      ids.question = String(
        (await db.selectFrom('foi_questions').select('id').where('request_id', '=', foi.id).executeTakeFirstOrThrow())
          .id,
      )
      // The demonstration register holds this document's decision already: the copy names a reference it does not.
      const original = await readFile('fixtures/documents/a01-notts-partnership-car.txt', 'utf8')
      const fixture = new TextEncoder().encode(original.replace('2021.021', '2021.921'))
      const imported = await new ImportService(web.database).importDocument(fixture, 'notts.txt', nottsActor)
      const importedOffice = await db
        .selectFrom('decisions')
        .select('office_id')
        .where('id', '=', imported.decisionId!)
        .executeTakeFirstOrThrow()
      assert.equal(importedOffice.office_id, nottsId, 'the fixture is filed under Nottinghamshire')
      ids.import = String(imported.decisionId)
      // Cumbria is new to the register: an archive nobody works for, whose imports any office's officers review.
      const cumbria = await new ImportService(web.database).importDocument(
        await readFile('fixtures/documents/a02-cumbria-isva-notice.txt'),
        'cumbria.txt',
        nottsActor,
      )
      ids.archiveImport = String(cumbria.decisionId)
      ids.user = String(notts.id)
      ids.office = String(nottsId)
      ids.service = (
        await db.selectFrom('services').select('slug').where('office_id', '=', nottsId).executeTakeFirstOrThrow()
      ).slug
      essexToken = (
        await new ApiTokenService(web.database).create(essex.id, { name: 'essex', scope: 'write' }, SYSTEM_ACTOR)
      ).token
    })

    test('a member of another office, holding every role there, is refused every page of an office’s records', async () => {
      const client = await signedIn(web.baseUrl, 'essex@test.example')
      for (const page of RECORD_PAGES) {
        const response = await client.get(fill(page))
        assert.ok([403, 404].includes(response.status), `${page}: ${response.status}`)
      }
      await client.get('/staff/decisions')
      for (const form of RECORD_FORMS) {
        const response = await client.post(fill(form), { version: '1', date: '2024-06-01', roles: 'officer' })
        assert.ok([403, 404].includes(response.status), `POST ${form}: ${response.status}`)
      }
    })

    test('the same pages answer a member of the office itself, so the refusals are the scope’s doing', async () => {
      const client = await signedIn(web.baseUrl, 'notts@test.example')
      for (const page of RECORD_PAGES.filter((p) => !p.includes('{user}') && !FOI_ACTIONS.some((a) => p.endsWith(a)))) {
        const response = await client.get(fill(page))
        assert.ok(response.status < 400, `${page}: ${response.status}`)
      }
    })

    test('lists leave out another office’s drafts, requests, imports, accounts and audit entries', async () => {
      const client = await signedIn(web.baseUrl, 'essex@test.example')
      const text = async (path: string) => {
        const response = await client.get(path)
        assert.equal(response.status, 200, path)
        return response.text()
      }
      assert.doesNotMatch(await text('/staff/decisions'), new RegExp(nottsDraftTitle))
      assert.doesNotMatch(await text('/staff/foi'), new RegExp(nottsFoiReference.replace('/', '\\/')))
      assert.doesNotMatch(await text(`/staff/foi?q=${encodeURIComponent('refuges')}`), /NOTTS-ACCESS/)
      assert.doesNotMatch(await text('/staff/imports'), new RegExp(`/staff/imports/${ids.import}"`))
      const users = await text('/staff/users')
      assert.doesNotMatch(users, /notts@test\.example/)
      assert.match(users, /essex@test\.example/)
      assert.doesNotMatch(await text('/staff/audit'), new RegExp(nottsDraftTitle))
      const settings = await text('/staff/settings')
      assert.match(settings, /Essex/)
      assert.doesNotMatch(settings, new RegExp(`name="office" value="${nottsId}"`))
    })

    test('the staff pages name the office the person works for in their header, title and footer, not another', async () => {
      for (const [email, own, other] of [
        ['essex@test.example', /Essex Office of the Police, Fire and Crime Commissioner/, /Nottinghamshire/],
        ['notts@test.example', /Nottinghamshire Office of the Police and Crime Commissioner/, /Essex/],
      ] as const) {
        const client = await signedIn(web.baseUrl, email)
        const page = await (await client.get('/staff')).text()
        const header = page.slice(page.indexOf('<header'), page.indexOf('</header>'))
        const footer = page.slice(page.indexOf('<footer'), page.indexOf('</footer>'))
        const title = /<title>([^<]*)<\/title>/.exec(page)![1]!
        for (const part of [header, footer, title]) {
          assert.match(part, own, email)
          assert.doesNotMatch(part, other, email)
        }
      }
    })

    test('an import into an archive, an office nobody works for, is open to the officers of every office', async () => {
      const client = await signedIn(web.baseUrl, 'essex@test.example')
      const list = await (await client.get('/staff/imports')).text()
      assert.match(list, new RegExp(`/staff/imports/${ids.archiveImport}"`))
      assert.equal((await client.get(`/staff/imports/${ids.archiveImport}`)).status, 200)
    })

    test('the staff API is limited to the token holder’s offices', async () => {
      const auth = { authorization: `Bearer ${essexToken}` }
      const refused = await fetch(`${web.baseUrl}/api/v1/staff/decisions?office=${nottsId}`, { headers: auth })
      assert.equal(refused.status, 403)
      const own = await fetch(`${web.baseUrl}/api/v1/staff/decisions?office=${essexId}&status=draft`, { headers: auth })
      assert.equal(own.status, 200)
      const all = (await (
        await fetch(`${web.baseUrl}/api/v1/staff/decisions?limit=100`, { headers: auth })
      ).json()) as {
        data: Array<{ officeId: number; title: string }>
      }
      assert.ok(
        all.data.every((d) => d.officeId === essexId),
        'every decision is Essex’s',
      )
    })

    test('services refuse a change to another office’s record even when called directly', async () => {
      const essex = await new AccountService(web.database).findByEmail('essex@test.example')
      const { scopeOf } = await import('../../../src/services/accounts/memberships.ts')
      const actor = { userId: essex!.id, label: 'essex', scope: scopeOf(essex!) }
      const workflow = new WorkflowService(web.database)
      await assert.rejects(workflow.submit(Number(ids.draft), 1, actor), /no such decision/)
      await assert.rejects(new FoiService(web.database).start(Number(ids.foi), actor), /No FOI request/)
      assert.equal(await workflow.detail(Number(ids.draft), actor.scope), undefined)
    })
  })
}
