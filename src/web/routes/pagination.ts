/** The govukPagination model for page `page` of `pageCount`, with `href(n)` giving each page's address. */
export function pagination(page: number, pageCount: number, href: (n: number) => string) {
  if (pageCount <= 1) return null
  const pages = [...new Set([1, page - 1, page, page + 1, pageCount])]
    .filter((n) => n >= 1 && n <= pageCount)
    .sort((a, b) => a - b)
  const items: Array<{ number?: number; href?: string; current?: boolean; ellipsis?: boolean }> = []
  pages.forEach((n, i) => {
    if (i > 0 && n - pages[i - 1]! > 1) items.push({ ellipsis: true })
    items.push({ number: n, href: href(n), current: n === page })
  })
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: page < pageCount ? { href: href(page + 1) } : undefined,
    items,
  }
}
