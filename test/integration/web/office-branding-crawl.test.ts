import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { webAppSetUp } from '../../support/staff.ts'
import { testEngines } from '../../support/database.ts'

const MAX_PAGES = 45

const part = (html: string, tag: 'header' | 'footer') => new RegExp(`<${tag}[\\s\\S]*?</${tag}>`).exec(html)?.[0] ?? ''
const titleOf = (html: string) => /<title>([\s\S]*?)<\/title>/.exec(html)?.[1]?.trim() ?? ''
const decode = (text: string) => text.replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&')

/** The addresses a page links to on this site (no query-less duplicates of downloads, feeds or staff pages). */
function links(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)"/g)]
    .map((m) => decode(m[1]!))
    .filter(
      (href) =>
        !/\.(csv|json|xml|pdf|css|js|png|ico)(\?|$)|\/(logo|document|feeds?)(\/|\?|$)|^\/(staff|api|alerts|stylesheets|javascripts|assets|downloads)/.test(
          href,
        ),
    )
}

/**
 * Walks a register from its home page, following its own links only, and hands each HTML page to `check`:
 * an office's register stays under /offices/{slug}; the national register stays outside /offices/.
 */
async function crawl(
  baseUrl: string,
  starts: string[],
  inRegister: (path: string) => boolean,
  check: (path: string, html: string) => void,
): Promise<number> {
  const queue = [...starts]
  const seen = new Set(queue)
  let checked = 0
  while (queue.length && checked < MAX_PAGES) {
    const path = queue.shift()!
    const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual' })
    if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/html')) continue
    const html = decode(await response.text())
    check(path, html)
    checked += 1
    for (const link of links(html)) {
      // The same page with other filters is the same page: one of each address is enough.
      const key = link.split('?')[0]!
      if (seen.has(key) || !inRegister(link)) continue
      seen.add(key)
      queue.push(link)
    }
  }
  return checked
}

for (const engine of testEngines()) {
  describe(`the branding of every public page on ${engine}`, () => {
    const web = webAppSetUp(engine)
    let offices: Array<{ name: string; slug: string; copyright: string }> = []

    before(async () => {
      offices = (
        await web.database.db
          .selectFrom('offices as f')
          .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
          .select(['o.name', 'f.slug', 'f.copyright_holder'])
          .execute()
      ).map((o) => ({ name: o.name, slug: o.slug, copyright: o.copyright_holder ?? o.name }))
      assert.ok(offices.length >= 3)
    })

    test('every page of an office’s register names that office, and no other, in its header, title and footer', async (context) => {
      for (const office of offices) {
        const base = `/offices/${office.slug}`
        const others = offices.filter((o) => o.slug !== office.slug)
        const visited: string[] = []
        const pages = await crawl(
          web.baseUrl,
          [base, ...['areas', 'pipeline', 'funding-streams', 'open-data'].map((p) => `${base}/${p}`)],
          (path) => path === base || path.startsWith(`${base}/`) || path.startsWith(`${base}?`),
          (path, html) => {
            visited.push(path.split('?')[0]!)
            // (The charts' links are the charts' own code, in hand elsewhere: not checked here.)
            if (!path.startsWith(`${base}/charts`))
              // Links to the register's own kinds of page stay inside the office's register (the audit log is the deployment's).
              for (const [, href] of html.matchAll(/href="(\/[^"#]*)"/g))
                assert.ok(
                  !/^\/(ledger|providers|services|areas|pipeline|funding-streams|open-data|downloads|feeds(?!\/audit-heads)|disclosure-log|charts)(\/|\?|$)|^\/decisions\/[^/?]+$/.test(
                    href!,
                  ),
                  `${path}: the link ${href} leaves ${office.name}’s register`,
                )
            const header = part(html, 'header')
            const footer = part(html, 'footer')
            const title = titleOf(html)
            assert.ok(header.includes(office.name), `${path}: the header names ${office.name}`)
            assert.ok(title.endsWith(office.name), `${path}: the title “${title}” names ${office.name}`)
            assert.ok(footer.includes(`© ${office.copyright}`), `${path}: the footer carries the office’s copyright`)
            assert.ok(footer.includes(`Published by ${office.name}`), `${path}: the footer names the office`)
            for (const other of others)
              assert.ok(
                !header.includes(other.name) && !title.includes(other.name) && !footer.includes(other.name),
                `${path}: ${other.name} is not named in the header, title or footer`,
              )
          },
        )
        assert.ok(pages >= 8, `${office.name}: only ${pages} pages`)
        for (const page of ['areas', 'pipeline', 'funding-streams', 'open-data'])
          assert.ok(visited.includes(`${base}/${page}`), `${office.name}: its ${page} page was checked`)
        context.diagnostic(`${office.name}: ${pages} pages`)
      }
    })

    test('the national pages name no office in their header, title or footer', async (context) => {
      const pages = await crawl(
        web.baseUrl,
        ['/', '/national', '/offices'],
        (path) => !path.startsWith('/offices/'),
        (path, html) => {
          const header = part(html, 'header')
          const footer = part(html, 'footer')
          const title = titleOf(html)
          assert.ok(header.includes('Commissioning Register'), `${path}: the header names the service`)
          // The title names the page's subject (which may be an office, as a provider's page does) and then the service alone.
          assert.ok(title.endsWith(' – Commissioning Register'), `${path}: the title “${title}” ends with the service`)
          for (const office of offices)
            assert.ok(
              !header.includes(office.name) && !footer.includes(office.name),
              `${path}: ${office.name} is named in the header or footer`,
            )
        },
      )
      assert.ok(pages >= 15, `only ${pages} national pages`)
      context.diagnostic(`${pages} national pages`)
    })
  })
}
