import type { PublishedHead } from './audit.ts'

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)

/** The published heads of the audit log as an Atom 1.0 feed, newest first: one entry per head. */
export function renderAuditHeadsAtom(heads: PublishedHead[], baseUrl: string, author: string): string {
  const newestFirst = [...heads].reverse()
  const updated = newestFirst[0]?.publishedAt ?? new Date().toISOString()
  const entries = newestFirst.map((head) =>
    [
      '  <entry>',
      `    <id>${escape(`${baseUrl}/audit-heads#${head.entries}-${head.hash}`)}</id>`,
      `    <title>Audit log head: ${head.entries} entries</title>`,
      `    <link rel="alternate" type="text/html" href="${escape(`${baseUrl}/audit-heads`)}"/>`,
      `    <published>${head.publishedAt}</published>`,
      `    <updated>${head.publishedAt}</updated>`,
      `    <summary>Entries: ${head.entries}. Head hash (SHA-256): ${head.hash}.</summary>`,
      '  </entry>',
    ].join('\n'),
  )
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escape(`${baseUrl}/feeds/audit-heads.atom`)}</id>`,
    '  <title>Published heads of the audit log</title>',
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escape(`${baseUrl}/feeds/audit-heads.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escape(`${baseUrl}/audit-heads`)}"/>`,
    `  <author><name>${escape(author)}</name></author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
