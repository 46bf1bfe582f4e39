/**
 * Office reference formats: {yyyy} and {yy} are the year of submission, {seq} or {seq:N} the next
 * number, zero-padded to N digits. "{yyyy}.{seq:3}" gives 2024.006; "PCC{seq:3}/{yy}" gives PCC036/18.
 * Numbers run per scope: the reference with its number taken out, so they restart when the year changes.
 */
const TOKEN = /\{(yyyy|yy|seq(?::(\d{1,2}))?)\}/g

export class ReferenceFormatError extends Error {}

export function validateReferenceFormat(format: string): void {
  if (!format.trim()) throw new ReferenceFormatError('Enter a reference format')
  if (format.length > 60) throw new ReferenceFormatError('The reference format must be 60 characters or fewer')
  const seqCount = [...format.matchAll(TOKEN)].filter((m) => m[1]!.startsWith('seq')).length
  if (seqCount !== 1)
    throw new ReferenceFormatError('The reference format must contain {seq} (or {seq:3} for three digits) exactly once')
  const leftover = format.replace(TOKEN, '')
  if (/[{}]/.test(leftover))
    throw new ReferenceFormatError('The reference format may only use {yyyy}, {yy} and {seq} or {seq:N}')
  if (!/^[A-Za-z0-9./\-_ ]*$/.test(leftover))
    throw new ReferenceFormatError(
      'The reference format may contain letters, digits, spaces and . / - _ besides its placeholders',
    )
}

function render(format: string, year: number, seq: string): string {
  return format.replace(TOKEN, (_m, token: string, width?: string) => {
    if (token === 'yyyy') return String(year)
    if (token === 'yy') return String(year % 100).padStart(2, '0')
    return width ? seq.padStart(Number(width), '0') : seq
  })
}

/** The scope a sequence number counts within, e.g. "2024.#" for {yyyy}.{seq:3} in 2024. */
export function referenceScope(format: string, year: number): string {
  return format.replace(TOKEN, (_m, token: string) =>
    token === 'yyyy' ? String(year) : token === 'yy' ? String(year % 100).padStart(2, '0') : '#',
  )
}

export function formatReference(format: string, year: number, seq: number): string {
  return render(format, year, String(seq))
}
