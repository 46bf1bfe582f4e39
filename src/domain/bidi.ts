/** Unicode's explicit directional formatting characters: embeddings, overrides, isolates and marks. */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
const HAS_BIDI_CONTROL = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/

const FIRST_STRONG_ISOLATE = '\u2068'
const POP_DIRECTIONAL_ISOLATE = '\u2069'

export function hasBidiControls(text: string): boolean {
  return HAS_BIDI_CONTROL.test(text)
}

/** For file names: direction controls can make `evil‮fdp.exe` read as `evilexe.pdf`, so they go. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '')
}

/**
 * For text shown in a page: the text keeps its characters but sits in an isolate, so an override inside
 * it ends where it ends and cannot reorder the words around it (the plain-text form of `<bdi>`).
 * An isolate closes every embedding and override opened within it.
 */
export function isolateBidi(text: string): string {
  return hasBidiControls(text) ? `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}` : text
}

/** The inverse of isolateBidi, for form values that come back from a page that printed them isolated. */
export function unwrapIsolate(text: string): string {
  const inner = text.slice(1, -1)
  return text.startsWith(FIRST_STRONG_ISOLATE) && text.endsWith(POP_DIRECTIONAL_ISOLATE) && hasBidiControls(inner)
    ? inner
    : text
}
