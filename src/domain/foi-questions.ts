/**
 * A request as written, split into its questions: one per line, with list markers ("-", "•", "1.",
 * "(a)", "Q1:") taken off. A line that does not start a new item and follows one continues it, so a
 * question wrapped over several lines stays one question.
 */
const MARKER = /^\s*(?:[-–—*•·▪]|\(?\d{1,3}[.)]|\(?[a-z][.)]|q(?:uestion)?\s?\d{1,3}[.:)]?)\s+/i

export function splitQuestions(text: string): string[] {
  const questions: string[] = []
  let current: string | null = null
  let listed = false
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim()
    if (!line) {
      if (current !== null) questions.push(current)
      current = null
      continue
    }
    const marked = MARKER.test(raw)
    if (marked) listed = true
    const body = line.replace(MARKER, '').trim()
    if (current !== null && !marked && listed && !endsSentence(current)) {
      current = `${current} ${body}`
      continue
    }
    if (current !== null) questions.push(current)
    current = body
  }
  if (current !== null) questions.push(current)
  return questions.map((q) => q.replace(/\s+/g, ' ').trim()).filter((q) => q.length > 0)
}

function endsSentence(text: string): boolean {
  return /[?.!:;]$/.test(text)
}

/**
 * Words worth searching the register for: the question without the words every request uses. Kept in
 * order, each once.
 */
const FILLER = new Set(
  'a an and are as at be been being but by can could did do does for from had has have how i if in into is it its me my of on or our please provide so that the their them then there these they this those to under was we were what when where which who why will with would you your advise confirm details detail information info request requested regarding respect tell foi freedom act copy copies any all each much many also may might should shall whether about'.split(
    ' ',
  ),
)

export function searchWords(question: string): string[] {
  const words = question.match(/[\p{L}\p{N}][\p{L}\p{N}'’&-]*/gu) ?? []
  const seen = new Set<string>()
  const kept: string[] = []
  for (const word of words) {
    const clean = word.replace(/['’]s$/i, '').replace(/['’-]+$/, '')
    const key = clean.toLowerCase()
    if (clean.length < 2 || FILLER.has(key) || seen.has(key)) continue
    seen.add(key)
    kept.push(clean)
  }
  return kept
}
