import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { testEngines } from '../../../../support/database.ts'
import { ApiTokenService } from '../../../../../src/services/accounts/api-tokens.ts'
import { SYSTEM_ACTOR } from '../../../../../src/services/audit/audit.ts'
import { generateRegister } from '../../../../../bench/generate.ts'
import { addClassifiedRecords } from '../../../services/open-data/fixtures.ts'
import { addStaff, signedIn, webAppSetUp } from '../../../../support/staff.ts'
import { apiClient, type Page, type Problem } from '../../../../support/api-client.ts'
import { rowOf } from '../../../../support/rows.ts'

for (const engine of testEngines()) {
  describe(`the JSON API on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let officeId: number
    before(async () => {
      officeId = (await addClassifiedRecords(web.database)).officeId
      await generateRegister(web.database, 60, 3)
    })

    const { get, json, problem, walk } = apiClient(() => web.baseUrl)

    test('cursor pagination visits every decision once, newest id first', async () => {
      const all = await walk<{ id: number }>('/api/v1/decisions?limit=7')
      const ids = all.map((d) => d.id)
      assert.equal(new Set(ids).size, ids.length)
      assert.deepEqual(
        ids,
        [...ids].sort((a, b) => b - a),
      )
      const total = await web.database.db
        .selectFrom('decisions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', 'in', ['published', 'imported'])
        .where('review_status', '=', 'reviewed')
        .executeTakeFirstOrThrow()
      assert.equal(ids.length, Number(total.n))
    })

    test('decision filters match the register: words, office, financial year, kind', async () => {
      const words = await json<Page<{ reference: string }>>('/api/v1/decisions?q=Thurrock&limit=100')
      assert.ok(words.data.some((d) => d.reference === 'PCC036/18'))
      assert.ok(!words.data.some((d) => d.reference === '2021.021'))
      const office = await walk<{ office: { id: number } }>(`/api/v1/decisions?office=${officeId}&limit=100`)
      assert.ok(office.length > 0 && office.every((d) => d.office.id === officeId))
      const year = await walk<{ date: string }>('/api/v1/decisions?year=2020&limit=100')
      assert.ok(year.every((d) => d.date >= '2020-04-01' && d.date <= '2021-03-31'))
      const fois = await json<Page<{ kind: string }>>('/api/v1/decisions?kind=foi_response')
      assert.ok(fois.data.length >= 1 && fois.data.every((d) => d.kind === 'foi_response'))
    })

    test('a confidential decision is a stub in lists and on its own', async () => {
      const [stub] = (await json<Page<Record<string, unknown>>>('/api/v1/decisions?q=T2025.003')).data
      assert.ok(stub)
      assert.equal(stub.classification, 'confidential')
      assert.equal(stub.exemption, 's.43 commercial interests')
      assert.equal(stub.summary, null)
      const one = await json<Record<string, unknown>>(`/api/v1/decisions/${String(stub.id)}`)
      assert.deepEqual([one.decisionText, one.awards, one.sections], [null, [], []])
    })

    test('award filters: provider by slug or id, stream, route, year, decision', async () => {
      const juno = await rowOf(web.database, 'organisations', ['id', 'slug'], { name: "Juno Women's Aid" })
      const bySlug = await walk<{ id: number; recipient: { id: number } }>(
        `/api/v1/awards?provider=${juno.slug}&limit=100`,
      )
      const byId = await walk<{ id: number }>(`/api/v1/awards?provider=${juno.id}&limit=100`)
      assert.ok(bySlug.length >= 3)
      assert.deepEqual(
        bySlug.map((a) => a.id),
        byId.map((a) => a.id),
      )
      const stream = await walk<{ fundingStream: { slug: string } | null }>(
        '/api/v1/awards?stream=community-safety-grant&limit=100',
      )
      assert.ok(stream.length >= 2 && stream.every((a) => a.fundingStream?.slug === 'community-safety-grant'))
      const direct = await walk<{ route: string }>('/api/v1/awards?route=direct_award&limit=100')
      assert.ok(direct.length >= 1 && direct.every((a) => a.route === 'direct_award'))
      const year = await walk<{ periodStart: string | null; periodEnd: string | null; financialYear: number | null }>(
        '/api/v1/awards?year=2024&limit=100',
      )
      assert.ok(
        year.every((a) =>
          a.periodStart && a.periodEnd
            ? a.periodStart <= '2025-03-31' && a.periodEnd >= '2024-04-01'
            : a.financialYear === 2024,
        ),
      )
      const car = await json<Page<{ amount: number; grantId: string }>>('/api/v1/awards?decision=1')
      assert.deepEqual(car.data.map((a) => a.amount).sort(), [23047, 23966])
      assert.ok(car.data.every((a) => /^360G-nopcc-\d+$/.test(a.grantId)))
    })

    test('organisations, services, funding streams and the disclosure log list and filter', async () => {
      const councils = await walk<{ kind: string }>('/api/v1/organisations?kind=council&limit=100')
      assert.ok(councils.length >= 7 && councils.every((o) => o.kind === 'council'))
      assert.equal(
        (await json<Page<{ name: string }>>('/api/v1/organisations?q=juno')).data[0]?.name,
        "Juno Women's Aid",
      )
      const refuges = await walk<{ areas: Array<{ slug: string }> }>('/api/v1/services?area=hampshire&limit=100')
      assert.ok(refuges.length >= 1 && refuges.every((s) => s.areas.some((a) => a.slug === 'hampshire')))
      type Service = {
        id: number
        providers: Array<{ id: number; slug: string }>
        leadCommissioner: { id: number } | null
      }
      const services = await walk<Service>('/api/v1/services?limit=100')
      const provided = services.find((s) => s.providers.length && s.leadCommissioner)!
      const provider = provided.providers[0]!
      for (const filter of [`provider=${provider.slug}`, `provider=${provider.id}`]) {
        const found = await walk<Service>(`/api/v1/services?${filter}&limit=100`)
        assert.ok(
          found.some((s) => s.id === provided.id),
          filter,
        )
        assert.ok(
          found.every((s) => s.providers.some((p) => p.id === provider.id)),
          filter,
        )
      }
      const lead = provided.leadCommissioner!.id
      const led = await walk<Service>(`/api/v1/services?lead=${lead}&limit=100`)
      assert.ok(led.some((s) => s.id === provided.id) && led.every((s) => s.leadCommissioner?.id === lead))
      assert.deepEqual(await walk<Service>('/api/v1/services?area=nowhere-at-all'), [])
      assert.deepEqual(await walk<Service>('/api/v1/awards?provider=nobody-at-all'), [])
      const streams = await json<Page<{ office: { id: number } | null }>>(`/api/v1/funding-streams?office=${officeId}`)
      assert.ok(streams.data.length >= 1 && streams.data.every((s) => s.office?.id === officeId))
      const log = await json<Page<{ reference: string; questions: unknown[] }>>('/api/v1/disclosure-log?q=WAIS')
      assert.equal(log.data[0]?.reference, '10653')
      assert.equal(log.data[0]?.questions.length, 6)
    })

    test('bad parameters get an RFC 9457 problem naming each parameter', async () => {
      const bad = await problem('/api/v1/awards?limit=500&year=banana&route=gift&colour=blue&cursor=nonsense')
      assert.deepEqual(bad.errors?.map((e) => e.parameter).sort(), ['colour', 'cursor', 'limit', 'route', 'year'])
      assert.match(bad.detail, /limit: must be a whole number from 1 to 100/)
      const twice = await problem('/api/v1/decisions?office=1&office=2')
      assert.deepEqual(twice.errors, [{ parameter: 'office', detail: 'must be given once' }])
      const id = await problem('/api/v1/decisions/abc')
      assert.equal(id.errors?.[0]?.parameter, 'id')
      await problem('/api/v1/decisions/99999999', 404)
      await problem('/api/v1/nowhere', 404)
    })

    test('the OpenAPI document describes every endpoint from the same schemas', async () => {
      const doc = await json<{
        openapi: string
        paths: Record<
          string,
          Record<
            string,
            {
              parameters: Array<{ name: string }>
              responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>
            }
          >
        >
        components: { schemas: Record<string, unknown> }
      }>('/api/openapi.json')
      assert.equal(doc.openapi, '3.1.0')
      for (const path of [
        '/v1/decisions',
        '/v1/decisions/{id}',
        '/v1/awards',
        '/v1/organisations',
        '/v1/services',
        '/v1/funding-streams',
        '/v1/disclosure-log',
        '/v1/staff/decisions',
        '/v1/staff/documents',
      ]) {
        assert.ok(doc.paths[path], path)
      }
      assert.deepEqual(doc.paths['/v1/awards']!.get!.parameters.map((p) => p.name).sort(), [
        'cursor',
        'decision',
        'limit',
        'office',
        'provider',
        'route',
        'service',
        'stream',
        'via',
        'year',
      ])
      const text = JSON.stringify(doc)
      for (const [, id] of text.matchAll(/"#\/components\/schemas\/([A-Za-z]+)"/g))
        assert.ok(doc.components.schemas[id!], `${id} is defined`)
      const page = await get('/api')
      assert.equal(page.status, 200)
      assert.match(await page.text(), /GET \/api\/v1\/awards/)
    })

    test('staff tokens: read scope lists every status, write scope stores documents, revoked tokens stop working', async () => {
      const user = await addStaff(web.database, {
        email: `script-${engine}@test.example`,
        name: 'Script Owner',
        roles: ['officer'],
      })
      const tokens = new ApiTokenService(web.database)
      const read = await tokens.create(user.id, { name: 'reader', scope: 'read' }, SYSTEM_ACTOR)
      const write = await tokens.create(user.id, { name: 'writer', scope: 'write' }, SYSTEM_ACTOR)
      const stored = await rowOf(web.database, 'api_tokens', ['token_hash'], { id: read.id })
      assert.match(stored.token_hash, /^[0-9a-f]{64}$/)
      assert.ok(!stored.token_hash.includes(read.token))

      await problem('/api/v1/staff/decisions', 401)
      await problem('/api/v1/staff/decisions', 401, { headers: { authorization: 'Bearer crpat_not-a-token' } })
      const drafts = await get('/api/v1/staff/decisions?status=draft', { authorization: `Bearer ${read.token}` })
      assert.equal(drafts.status, 200)
      const body = (await drafts.json()) as Page<{ status: string; title: string }>
      assert.ok(body.data.length >= 1 && body.data.every((d) => d.status === 'draft'))

      const upload = (token: string, content = 'A decision notice to import.') => {
        const form = new FormData()
        form.append('file', new Blob([content], { type: 'text/plain' }), 'notice.txt')
        return fetch(`${web.baseUrl}/api/v1/staff/documents`, {
          method: 'POST',
          body: form,
          headers: { authorization: `Bearer ${token}` },
        })
      }
      const refused = await upload(read.token)
      assert.equal(refused.status, 403)
      const created = await upload(write.token)
      assert.equal(created.status, 201)
      const document = (await created.json()) as { id: number; sha256: string; created: boolean; sizeBytes: number }
      assert.equal(document.created, true)
      const row = await rowOf(web.database, 'documents', ['content', 'imported_by'], { id: document.id })
      assert.equal(row.content.toString('utf8'), 'A decision notice to import.')
      assert.equal(row.imported_by, user.id)
      const again = (await (await upload(write.token)).json()) as { id: number; created: boolean }
      assert.deepEqual([again.id, again.created], [document.id, false])
      const noFile = await fetch(`${web.baseUrl}/api/v1/staff/documents`, {
        method: 'POST',
        body: new FormData(),
        headers: { authorization: `Bearer ${write.token}` },
      })
      assert.equal(((await noFile.json()) as Problem).errors?.[0]?.parameter, 'file')

      assert.equal(await tokens.revoke(write.id, user.id, SYSTEM_ACTOR), true)
      assert.equal((await upload(write.token, 'another')).status, 401)
      const audit = await web.database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity_type', 'in', ['api_token', 'decision'])
        .execute()
      assert.ok(['api_token.create', 'api_token.revoke', 'import'].every((a) => audit.some((row) => row.action === a)))
    })

    test('staff make and revoke tokens in the staff area', async () => {
      await addStaff(web.database, { email: `tokens-${engine}@test.example`, name: 'Token Maker', roles: ['officer'] })
      const client = await signedIn(web.baseUrl, `tokens-${engine}@test.example`)
      assert.equal((await client.get('/staff/tokens')).status, 200)
      const invalid = await client.post('/staff/tokens', { name: '' })
      assert.equal(invalid.status, 400)
      assert.match(await invalid.text(), /Enter a name for the token/)
      await client.get('/staff/tokens')
      const made = await client.post('/staff/tokens', { name: 'nightly import', scope: 'read' })
      const token = /id="new-token">([^<]+)</.exec(await made.text())?.[1]
      assert.ok(token?.startsWith('crpat_'))
      assert.equal((await get('/api/v1/staff/decisions', { authorization: `Bearer ${token}` })).status, 200)
      const list = await (await client.get('/staff/tokens')).text()
      const id = /action="\/staff\/tokens\/(\d+)\/revoke"/.exec(list)?.[1]
      assert.ok(id)
      assert.equal((await client.post(`/staff/tokens/${id}/revoke`, {})).status, 303)
      assert.equal((await get('/api/v1/staff/decisions', { authorization: `Bearer ${token}` })).status, 401)
      assert.match(await (await client.get('/staff/tokens')).text(), /Revoked/)
    })
  })
}
