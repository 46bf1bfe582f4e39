/** Walking the public register by its own links, as the crawl tests do to show nothing withheld is reachable. */

/** Where a crawl never goes: staff pages and static files. */
const NOT_CRAWLED = ['/staff', '/assets', '/stylesheets']

/**
 * Requests `start`'s addresses one at a time, then the site's own links (`href="/…"`) in each answer `visit` hands
 * back, until `limit` different addresses have been requested; `visit` checks each answer and returns the HTML whose
 * links to follow (or null). Addresses under `skip` are never followed, nor staff pages or static files.
 * Returns how many different addresses were requested.
 */
export async function crawl(
  baseUrl: string,
  start: string[],
  limit: number,
  visit: (path: string, response: Response) => Promise<string | null>,
  skip: string[] = [],
): Promise<number> {
  const queue = [...start]
  const seen = new Set<string>()
  while (queue.length && seen.size < limit) {
    const path = queue.shift()!
    if (seen.has(path)) continue
    seen.add(path)
    const html = await visit(path, await fetch(`${baseUrl}${path}`))
    if (html === null) continue
    for (const [, href] of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = href!.replace(/&amp;/g, '&')
      if (![...NOT_CRAWLED, ...skip].some((prefix) => link.startsWith(prefix)) && !seen.has(link)) queue.push(link)
    }
  }
  return seen.size
}
