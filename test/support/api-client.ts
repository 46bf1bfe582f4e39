/** Reading the JSON API in tests: JSON answers, RFC 9457 problems and lists followed page by page. */
import assert from 'node:assert/strict'

export type Page<T> = { data: T[]; nextCursor: string | null; links: { next: string | null } }
export type Problem = {
  type: string
  title: string
  status: number
  detail: string
  errors?: Array<{ parameter: string; detail: string }>
}

/** A client of the API of the application at `baseUrl()` (a function, as the application starts in a before hook). */
export function apiClient(baseUrl: () => string) {
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseUrl()}${path}`, { headers })

  /** The JSON body of a 200 answer. */
  const json = async <T>(path: string, headers: Record<string, string> = {}): Promise<T> => {
    const response = await get(path, headers)
    assert.equal(response.status, 200, `${path}: ${response.status}`)
    assert.match(response.headers.get('content-type') ?? '', /^application\/json/)
    return (await response.json()) as T
  }

  /** The problem of an answer with `status`, checked to be a problem document. */
  const problem = async (path: string, status = 400, init?: RequestInit): Promise<Problem> => {
    const response = await fetch(`${baseUrl()}${path}`, init)
    assert.equal(response.status, status, path)
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/)
    const body = (await response.json()) as Problem
    assert.equal(body.status, status)
    assert.ok(body.type && body.title && body.detail)
    return body
  }

  /** Every item of a list, following the cursors; no page holds more than `pageSize` items. */
  async function walk<T>(path: string, pageSize = 100): Promise<T[]> {
    const items: T[] = []
    let next: string | null = path
    while (next) {
      const page: Page<T> = await json<Page<T>>(next)
      assert.ok(page.data.length <= pageSize)
      items.push(...page.data)
      next = page.links.next
      if (next) assert.ok(page.nextCursor && next.includes(`cursor=${page.nextCursor}`))
    }
    return items
  }

  return { get, json, problem, walk }
}
