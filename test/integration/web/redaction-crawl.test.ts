import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { extractText, getDocumentProxy } from 'unpdf'
import { WorkflowService, type ClassificationDetails } from '../../../src/services/decisions/workflow.ts'
import type { Role } from '../../../src/domain/roles.ts'
import { openTestDatabase, testEngines, type TestDatabase } from '../../support/database.ts'
import { addWorkflowPeople, signOffAs, type WorkflowPerson } from '../../support/decision-draft.ts'
import { startApp, type RunningApp } from '../../support/server.ts'
import { crawl } from '../../support/crawl.ts'
import { textOf } from '../../support/withheld-records.ts'

/** Words that appear only in withheld parts: none may reach any public page, feed, export or API answer. */
const SECRETS = ['ZANZIBAR-SUPPORTING', 'QUOKKA-FINANCE', 'MARMOT-CONFIDENTIAL', 'PANGOLIN-AWARD']
const ENTRY_POINTS = [
  '/',
  '/api',
  '/api/v1/decisions',
  '/api/v1/awards',
  '/api/openapi.json',
  '/feeds/decisions.atom',
  '/open-data',
  '/disclosure-log',
  '/ledger',
  '/providers',
  '/services',
  '/charts',
  '/pipeline',
  '/funding-streams',
]

for (const engine of testEngines()) {
  describe(`withheld information on ${engine}`, () => {
    let t: TestDatabase
    let app: RunningApp
    const published: string[] = []

    before(async () => {
      t = await openTestDatabase(engine, { demo: true })
      const workflow = new WorkflowService(t.database)
      const people: Record<string, WorkflowPerson> = {}
      const roster: Array<[string, Role[]]> = [
        ['author', ['officer']],
        ['cfo', ['finance_officer']],
        ['ceo', ['chief_executive']],
        ['pcc', ['decision_maker']],
      ]
      await addWorkflowPeople(t.database, roster, 'crawl.example', people, { fullName: (name) => name })
      const v = async (id: number) => (await workflow.detail(id))!.decision.version
      const signOff = signOffAs(() => workflow, people)
      const classifications: Array<[string, ClassificationDetails]> = [
        [
          'Open decision',
          { classification: 'non_confidential', exemption: null, withheldSections: {}, awardsExemption: null },
        ],
        [
          'Partly withheld decision',
          {
            classification: 'partially_confidential',
            exemption: null,
            withheldSections: { supporting_information: 's.43', financial_information: 's.40' },
            awardsExemption: 's.43',
          },
        ],
        [
          'Confidential decision',
          { classification: 'confidential', exemption: 's.31', withheldSections: {}, awardsExemption: null },
        ],
      ]
      for (const [title, classification] of classifications) {
        const open = classification.classification === 'non_confidential'
        const secret = (word: string) => (open ? 'Nothing secret here.' : `Secret ${word} detail.`)
        const id = await workflow.createDraft(
          {
            kind: 'decision',
            title,
            authorName: 'author',
            authorContact: null,
            executiveSummary:
              classification.classification === 'confidential' ? `Summary ${SECRETS[2]}` : 'A public summary.',
            supportingInformation: secret(SECRETS[0]!),
            recommendations: 'Approve.',
            decisionText: classification.classification === 'confidential' ? `Decision ${SECRETS[2]}` : 'Approved.',
          },
          people.author!.actor,
        )
        await workflow.saveFinance(
          id,
          await v(id),
          { revenueOrCapital: 'revenue', inBudget: true, financialInformation: secret(SECRETS[1]!) },
          people.author!.actor,
        )
        await workflow.saveMoney(
          id,
          await v(id),
          {
            statedTotalPence: 100_000,
            awards: [
              {
                recipientName: open ? 'Open Provider' : `${SECRETS[3]} Provider`,
                viaName: null,
                amountPence: 100_000,
                periodLabel: '2025/26',
                periodStart: '2025-04-01',
                periodEnd: '2026-03-31',
                financialYear: 2025,
                route: 'grant',
                purpose: 'Support for victims',
                fundingStreamId: (
                  await t.database.db.selectFrom('funding_streams').select('id').executeTakeFirstOrThrow()
                ).id,
              },
            ],
            contributions: [],
          },
          people.author!.actor,
        )
        const area = (await workflow.areaChoices(id))[0]!
        await workflow.saveAreas(id, await v(id), { areaIds: [area.id], newArea: null }, people.author!.actor)
        await workflow.markTask(id, await v(id), 'awards', true, people.author!.actor)
        await workflow.saveClassification(id, await v(id), classification, people.author!.actor)
        await workflow.submit(id, await v(id), people.author!.actor)
        for (const who of ['cfo', 'ceo', 'pcc'])
          await signOff(id, who, { declaration: who === 'pcc' ? 'no_interest' : null })
        published.push(await workflow.publish(id, await v(id), people.author!.actor))
      }
      app = await startApp(t.database)
    })
    after(async () => {
      await app.stop()
      await t.dispose()
    })

    test('no public page, feed, export or API answer holds withheld text', async () => {
      const queue = [
        ...ENTRY_POINTS,
        ...published.flatMap((slug) => [
          `/decisions/${slug}`,
          `/decisions/${slug}/notice`,
          `/decisions/${slug}/notice.pdf`,
        ]),
      ]
      let fetched = 0
      await crawl(app.baseUrl, queue, 400, async (path, response) => {
        if (response.status === 404) return null
        assert.ok(response.status < 500, `${path} answered ${response.status}`)
        fetched++
        const body = await textOf(response)
        for (const secret of SECRETS) assert.ok(!body.includes(secret), `${secret} appears in ${path}`)
        return (response.headers.get('content-type') ?? '').includes('html') ? body : null
      })
      assert.ok(fetched > 10, `only ${fetched} public addresses were fetched`)
    })

    test('searching for withheld words finds nothing', async () => {
      for (const secret of SECRETS) {
        const html = await (await fetch(`${app.baseUrl}/?q=${secret}`)).text()
        assert.match(html, /0 decisions matching/, secret)
      }
    })

    test('the partly withheld decision says what is withheld and why', async () => {
      const html = await (await fetch(`${app.baseUrl}/decisions/${published[1]}`)).text()
      assert.match(html, /Withheld under section 43 of the Freedom of Information Act 2000/)
      assert.match(html, /Withheld under section 40 of the Freedom of Information Act 2000/)
      assert.match(html, /A public summary/)
    })

    test('the confidential decision is a stub with its exemption', async () => {
      const html = await (await fetch(`${app.baseUrl}/decisions/${published[2]}`)).text()
      assert.match(html, /This decision is confidential/)
      assert.match(html, /Withheld under section 31/)
      assert.match(html, /Confidential decision/)
    })

    test('the notice of decision is a page and a text-searchable PDF with the sign-off block', async () => {
      const page = await (await fetch(`${app.baseUrl}/decisions/${published[0]}/notice`)).text()
      assert.match(page, /Notice of Decision/)
      assert.match(page, /Chief Finance Officer/)
      const pdf = await fetch(`${app.baseUrl}/decisions/${published[0]}/notice.pdf`)
      assert.equal(pdf.headers.get('content-type'), 'application/pdf')
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), {
        mergePages: true,
      })
      assert.match(text, /Open decision/)
      assert.match(text, /Chief Executive: ceo\. Signed off on/)
    })
  })
}
