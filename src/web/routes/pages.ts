import type { RequestHandler, Router } from 'express'

/** One page of an area: its path, the handler that shows it and, when it has a form, the handler the form posts to. */
export type Page = readonly [path: string, show: RequestHandler, submit?: RequestHandler]

type Guards = RequestHandler | readonly RequestHandler[]

/**
 * Registers an area's pages in the order listed, each behind the same guards (if any): GET shows the page and
 * POST, where the page has a form, handles it. A table of pages reads as the area's map, one line a page.
 */
export function addPages(
  router: Router,
  ...args: [pages: readonly Page[]] | [guards: Guards, pages: readonly Page[]]
): void {
  const [guards, pages] = args.length === 1 ? [[], args[0]] : args
  const before = [guards].flat()
  for (const [path, show, submit] of pages) {
    router.get(path, ...before, show)
    if (submit) router.post(path, ...before, submit)
  }
}
