/** Cursors are opaque to clients: the id to continue after, wrapped so nobody builds them by hand. */
export function encodeCursor(afterId: number): string {
  return Buffer.from(JSON.stringify({ v: 1, after: afterId })).toString('base64url')
}

/** The id a cursor continues after, or null when it is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { v?: unknown; after?: unknown }
    return value.v === 1 && Number.isSafeInteger(value.after) && (value.after as number) > 0
      ? (value.after as number)
      : null
  } catch {
    return null
  }
}
