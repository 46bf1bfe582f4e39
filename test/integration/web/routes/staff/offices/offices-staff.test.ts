import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { LOGO_MAX_BYTES } from '../../../../../../src/services/offices/public-offices.ts'
import { testEngines } from '../../../../../support/database.ts'
import { rowOf, updateRows, valueOf } from '../../../../../support/rows.ts'
import { addStaff, ESSEX_ADMIN, essexAdminSetUp, STAFF_PASSWORD } from '../../../../../support/staff.ts'
import { StaffClient } from '../../../../../support/staff-client.ts'

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082',
  'hex',
)

for (const engine of testEngines()) {
  describe(`the deployment administrator's office pages and the logo on ${engine}`, () => {
    const { web, offices } = essexAdminSetUp(engine)

    before(async () => {
      await addStaff(web.database, {
        email: 'national@test.example',
        name: 'National Admin',
        roles: ['administrator'],
        deploymentAdmin: true,
      })
    })

    const signedIn = async (email: string) => {
      const client = new StaffClient(web.baseUrl)
      const response = await client.signIn(email, STAFF_PASSWORD)
      assert.equal(response.status, 302)
      return client
    }

    test('a deployment administrator adds an office and appoints its first administrator, who can then sign in', async () => {
      const client = await signedIn('national@test.example')
      const list = await client.get('/staff/offices')
      assert.equal(list.status, 200)
      assert.match(await list.text(), /Essex Office of the Police, Fire and Crime Commissioner/)
      await client.get('/staff/offices/new')
      const refusedHtml = await client.postRefused('/staff/offices/new', {
        name: '',
        shortName: 'Cumbria',
        decisionMakerTitle: 'Police and Crime Commissioner',
      })
      assert.match(refusedHtml, /There is a problem/)
      assert.match(refusedHtml, /href="#name">Enter the office’s name/)
      const added = await client.post('/staff/offices/new', {
        name: 'Office of the Police and Crime Commissioner for Cumbria',
        shortName: 'Cumbria',
        decisionMakerTitle: 'Police and Crime Commissioner',
      })
      assert.equal(added.status, 302)
      const location = added.headers.get('location')!
      assert.match(location, /^\/staff\/offices\/\d+\/administrator\?added=1$/)
      const form = await client.get(location)
      assert.match(await form.text(), /Office of the Police and Crime Commissioner for Cumbria added/)
      const path = location.split('?')[0]!
      const missing = await client.post(path, { name: 'Carol Cumbria', email: '' })
      assert.equal(missing.status, 400)
      assert.match(await missing.text(), /Enter the administrator’s email address/)
      const appointed = await client.post(path, { name: 'Carol Cumbria', email: 'carol@cumbria.example' })
      assert.equal(appointed.status, 200)
      const html = await appointed.text()
      assert.match(html, /Administrator appointed/)
      const password = /id="new-password">([^<]+)</.exec(html)?.[1]
      assert.ok(password, 'a one-time password is shown')
      const cumbria = new StaffClient(web.baseUrl)
      assert.equal((await cumbria.signIn('carol@cumbria.example', password)).status, 302)
      // The new office has its own public register.
      const register = await fetch(`${web.baseUrl}/offices/cumbria`)
      assert.equal(register.status, 200)
      assert.match(await register.text(), /Office of the Police and Crime Commissioner for Cumbria/)
    })

    test('a deployment administrator records a change of governing body; bad input is explained', async () => {
      const client = await signedIn('national@test.example')
      const path = `/staff/offices/${offices.hampshire}/succession`
      assert.equal((await client.get(path)).status, 200)
      const badHtml = await client.postRefused(path, {
        successor: '',
        'on-day': '30',
        'on-month': '2',
        'on-year': '2028',
      })
      assert.match(badHtml, /Choose the body the office’s functions passed to/)
      assert.match(badHtml, /The date the functions passed must be a real date/)
      const saved = await client.post(path, {
        successor: String(offices.essex),
        'on-day': '8',
        'on-month': '5',
        'on-year': '2028',
      })
      assert.equal(saved.status, 302)
      assert.equal(saved.headers.get('location'), '/staff/offices?done=succession')
      const row = await rowOf(web.database, 'offices', ['successor_id', 'functions_passed_on'], {
        organisation_id: offices.hampshire,
      })
      assert.equal(Number(row.successor_id), offices.essex)
      assert.equal(row.functions_passed_on, '2028-05-08')
      await updateRows(
        web.database,
        'offices',
        { successor_id: null, functions_passed_on: null },
        {
          organisation_id: offices.hampshire,
        },
      )
    })

    test('an office’s administrator is refused the deployment administrator’s pages', async () => {
      const client = await signedIn(ESSEX_ADMIN)
      for (const path of ['/staff/offices', '/staff/offices/new', `/staff/offices/${offices.hampshire}/succession`])
        assert.equal((await client.get(path)).status, 403, path)
      await client.get('/staff/settings')
      assert.equal(
        (await client.post('/staff/offices/new', { name: 'X', shortName: 'X', decisionMakerTitle: 'Mayor' })).status,
        403,
      )
    })

    test('an office’s administrator uploads a logo; a file of another type or too large is refused with a reason', async () => {
      const client = await signedIn(ESSEX_ADMIN)
      await client.get(`/staff/settings?office=${offices.essex}`)
      const upload = async (content: Buffer, name: string) => {
        const form = new FormData()
        form.append('office', String(offices.essex))
        form.append('logo', new Blob([new Uint8Array(content)]), name)
        return client.postMultipart('/staff/settings/logo', form, { csrfFirst: true })
      }
      const gif = await upload(Buffer.from('GIF89a0000000000'), 'logo.png')
      assert.equal(gif.status, 302)
      const gifPage = await client.get(gif.headers.get('location')!)
      assert.match(await gifPage.text(), /href="#logo">The logo must be a PNG or JPEG image/)
      const large = await upload(Buffer.concat([PNG, Buffer.alloc(LOGO_MAX_BYTES)]), 'big.png')
      assert.equal(large.status, 302)
      assert.match(
        await (await client.get(large.headers.get('location')!)).text(),
        /The logo must be smaller than 200 KB/,
      )
      assert.equal(
        await valueOf(web.database, 'offices', 'logo', { organisation_id: offices.essex }),
        null,
        'nothing refused was kept',
      )
      const ok = await upload(PNG, 'logo.png')
      assert.equal(ok.status, 302)
      const savedPage = await (await client.get(ok.headers.get('location')!)).text()
      assert.match(savedPage, /Logo saved/)
      assert.match(savedPage, /id="current-logo"/)
      // Another office's logo is out of reach.
      await client.get(`/staff/settings?office=${offices.essex}`)
      const form = new FormData()
      form.append('office', String(offices.hampshire))
      form.append('logo', new Blob([new Uint8Array(PNG)]), 'logo.png')
      const other = await client.postMultipart('/staff/settings/logo', form, { csrfFirst: true })
      assert.equal(other.status, 404)
      assert.equal(await valueOf(web.database, 'offices', 'logo', { organisation_id: offices.hampshire }), null)
    })
  })
}
