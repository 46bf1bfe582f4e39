/** Bytes of a plain-text file to a string: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252. */

export type TextResult = { ok: true; text: string } | { ok: false; reason: string }

export function decodeText(bytes: Uint8Array): TextResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return check(new TextDecoder('utf-16le').decode(bytes.subarray(2)))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return check(new TextDecoder('utf-16be').decode(bytes.subarray(2)))
  const sample = bytes.subarray(0, 65536)
  let nul = 0
  for (const byte of sample) if (byte === 0) nul++
  if (nul > 0) return { ok: false, reason: 'it holds binary data, not text' }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes)
  }
  return check(text.replace(/^\ufeff/, ''))
}

function check(text: string): TextResult {
  let control = 0
  const length = Math.min(text.length, 65536)
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i)
    if (
      (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) ||
      code === 0x7f ||
      code === 0xfffd ||
      (code >= 0x80 && code < 0xa0)
    )
      control++
  }
  if (length > 0 && control / length > 0.01) return { ok: false, reason: 'it holds binary data, not text' }
  if (text.trim() === '') return { ok: false, reason: 'it has no text' }
  return { ok: true, text }
}
