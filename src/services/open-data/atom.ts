import type { FeedEntry } from './feeds.ts'

export interface AtomFeed {
  title: string
  /** The feed's own address. */
  self: string
  /** The page the feed follows. */
  alternate: string
  author: string
  entries: FeedEntry[]
}

/** Characters outside XML 1.0's Char production: controls, surrogates without their pair, U+FFFE and U+FFFF. */
const NOT_XML_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** XML-escaped text, without the characters XML 1.0 does not allow. */
const escape = (text: string): string =>
  text
    .replace(NOT_XML_CHARACTER, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)

/** An Atom 1.0 document (RFC 4287). */
export function renderAtom(feed: AtomFeed, baseUrl: string): string {
  const updated = feed.entries.reduce((latest, e) => (e.updated > latest ? e.updated : latest), new Date(0))
  const entries = feed.entries.map((e) => {
    const link = e.slug ? `${baseUrl}/decisions/${e.slug}` : `${baseUrl}/`
    const published = e.published ? `${e.published}T00:00:00Z` : e.updated.toISOString()
    return [
      '  <entry>',
      `    <id>${escape(link)}</id>`,
      `    <title>${escape([e.reference, e.title].filter(Boolean).join(' '))}</title>`,
      `    <link rel="alternate" type="text/html" href="${escape(link)}"/>`,
      `    <published>${published}</published>`,
      `    <updated>${e.updated.toISOString()}</updated>`,
      `    <author><name>${escape(e.officeName)}</name></author>`,
      `    <summary>${escape(e.summary)}</summary>`,
      '  </entry>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escape(feed.self)}</id>`,
    `  <title>${escape(feed.title)}</title>`,
    `  <updated>${(feed.entries.length ? updated : new Date()).toISOString()}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escape(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escape(feed.alternate)}"/>`,
    `  <author><name>${escape(feed.author)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
