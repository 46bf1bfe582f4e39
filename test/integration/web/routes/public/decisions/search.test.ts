import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readSearchQuery } from '../../../../../../src/domain/search-query.ts'
import { webAppSetUp } from '../../../../../support/staff.ts'
import { testEngines } from '../../../../../support/database.ts'

for (const engine of testEngines()) {
  describe(`searching the register on ${engine}`, () => {
    const web = webAppSetUp(engine)

    const found = async (q: string) => {
      const html = await (await fetch(`${web.baseUrl}/?q=${encodeURIComponent(q)}`)).text()
      return [...html.matchAll(/href="\/decisions\/([a-z0-9-]+)"/g)].map((m) => m[1]!).sort()
    }
    const csvFound = async (q: string) => {
      const body = await (await fetch(`${web.baseUrl}/downloads/decisions.csv?q=${encodeURIComponent(q)}`)).text()
      return body.trim().split('\n').length - 1
    }

    test('a whole or part reference, with or without its punctuation', async () => {
      assert.deepEqual(await found('PCC036'), ['essex-pcc036-18'])
      assert.deepEqual(await found('PCC036/18'), ['essex-pcc036-18'])
      assert.deepEqual(await found('pcc 036 18'), ['essex-pcc036-18'])
      assert.deepEqual(await found('000407'), ['hampshire-pccml-000407-2018'])
      assert.deepEqual(await found('2024.006'), ['nottinghamshire-2024-006'])
    })

    test('a year or a financial year', async () => {
      assert.deepEqual(await found('2018'), ['essex-pcc036-18', 'hampshire-pccml-000407-2018'])
      assert.deepEqual(await found('2018/19'), ['essex-pcc036-18', 'hampshire-pccml-000407-2018'])
      assert.deepEqual(await found('2013'), ['nottinghamshire-10653'])
      assert.deepEqual(await found('2013/14'), ['nottinghamshire-10653'])
    })

    test('provider, place and service words, stemmed', async () => {
      assert.deepEqual(await found('refuge'), ['hampshire-pccml-000407-2018'])
      assert.deepEqual(await found('refuges'), ['hampshire-pccml-000407-2018'])
      assert.deepEqual(await found('Southampton'), ['hampshire-pccml-000407-2018'])
      assert.ok((await found('Equation')).includes('nottinghamshire-2024-006'))
      assert.deepEqual(await found('Thurrock'), ['essex-pcc036-18'])
      assert.deepEqual(await found('xylophone'), [])
    })

    test('a misspelt name that finds nothing gets a “did you mean” from the public names', async () => {
      const page = async (q: string) => (await (await fetch(`${web.baseUrl}/?q=${encodeURIComponent(q)}`)).text())
      assert.match(await page('juno womans aid'), /Did you mean <a class="govuk-link" href="\/\?q=Juno%20Women&#39;s%20Aid">Juno Women&#39;s Aid<\/a>\?/)
      assert.match(await page('southamptn'), /Did you mean <a[^>]*>Southampton<\/a>\?/)
      assert.doesNotMatch(await page('refuge'), /Did you mean/)
      assert.doesNotMatch(await page('xylophone'), /Did you mean/)
    })

    test('the CSV download and the API find what the page finds', async () => {
      for (const q of ['PCC036', 'refuge', 'Southampton']) {
        assert.equal(await csvFound(q), (await found(q)).length, q)
        const api = (await (await fetch(`${web.baseUrl}/api/v1/decisions?q=${encodeURIComponent(q)}`)).json()) as {
          data: Array<{ slug: string }>
        }
        assert.deepEqual(api.data.map((d) => d.slug).sort(), await found(q), q)
      }
    })

    test('a search says how many decisions it found on every page, and a page past the last says it too', async () => {
      const heading = async (query: string) => {
        const html = await (await fetch(`${web.baseUrl}/?${query}`)).text()
        return /<h2 class="govuk-heading-m" id="results-heading">(.*?)<\/h2>/s.exec(html)?.[1]
      }
      const all = (await found('domestic')).length
      assert.ok(all > 1, `"domestic" finds ${all} decisions`)
      assert.equal(await heading('q=domestic'), `${all} decisions matching “domestic”`)
      assert.equal(await heading('q=domestic&page=99'), `${all} decisions matching “domestic”`)
    })
  })
}

describe('reading what was typed', () => {
  test('years, financial years and reference fragments', () => {
    assert.deepEqual(readSearchQuery('2018/19'), { words: null, referenceFragment: null, financialYear: 2018, calendarYear: null })
    assert.deepEqual(readSearchQuery('2018'), { words: null, referenceFragment: null, financialYear: 2018, calendarYear: 2018 })
    assert.equal(readSearchQuery('2018/20')?.words, '2018/20')
    assert.equal(readSearchQuery('PCC036/18')?.referenceFragment, 'pcc03618')
    assert.equal(readSearchQuery('refuge')?.referenceFragment, null)
    assert.equal(readSearchQuery('  '), null)
  })
})
