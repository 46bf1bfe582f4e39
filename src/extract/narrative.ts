/**
 * The narrative of a published document by section: its summary, the decision as worded, and the
 * background, each found under its heading ("EXECUTIVE SUMMARY:", "2. Background", "DECISION: The
 * Commissioner approves …") and running to the next heading, label or signature block. Tables are left to
 * the award readers; wrapped lines are joined into paragraphs.
 */

export interface Narrative {
  summary: string | null
  decisionText: string | null
  background: string | null
}

type Part = keyof Narrative

const NUMBERING = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[A-Z]\.|\(?[a-z]\))\s+/
const HEADINGS: Array<[Part, RegExp]> = [
  [
    'summary',
    /^(?:executive\s+summary|summary(?:\s+of\s+(?:the\s+)?(?:decision|report|request|proposal))?|purpose(?:\s+of\s+(?:the\s+)?(?:report|decision|paper))?|reasons?\s+for\s+(?:the\s+)?decision)$/i,
  ],
  [
    'decisionText',
    /^(?:(?:the\s+)?decision(?:\s+(?:required|made|taken|sought|of\s+the\s+(?:police(?:,\s+fire)?\s+and\s+crime\s+)?commissioner))?|recommendations?|decision\s*\/\s*recommendations?)$/i,
  ],
  [
    'background',
    /^(?:background(?:\s+information)?|information\s+in\s+support(?:\s+of\s+(?:the\s+)?decision)?|supporting\s+information|introduction|context)$/i,
  ],
]
const SIGNATURE = /^(?:sign(?:ed|ature)?|date|dated)\b/i
const MAX_CHARACTERS = 4000

interface Heading {
  part: Part | null
  /** Words after the heading on its own line ("DECISION: The Commissioner approves …"). */
  rest: string
}

function readHeading(line: string): Heading | null {
  const text = line.trim().replace(NUMBERING, '')
  if (!text || text.length > 80 || text.includes('\t')) return null
  const labelled = /^([^:]{1,60}):\s*(.*)$/.exec(text)
  const label = (labelled?.[1] ?? text).replace(/\*+$/, '').trim()
  const rest = labelled?.[2]?.trim() ?? ''
  for (const [part, pattern] of HEADINGS) if (pattern.test(label)) return { part, rest }
  const words = label.split(/\s+/).length
  const capitals = /[A-Z]{2}/.test(label) && label === label.toUpperCase() && words <= 10
  if (capitals || SIGNATURE.test(label)) return { part: null, rest }
  if (labelled && words <= 4 && /^[A-Z]/.test(label)) return { part: null, rest }
  return null
}

function paragraphs(lines: string[]): string | null {
  const out: string[] = []
  let current: string[] = []
  const flush = (): void => {
    if (current.length) out.push(current.join(' ').replace(/\s+/g, ' ').trim())
    current = []
  }
  for (const line of lines) {
    if (line.includes('\t')) {
      flush()
      continue
    }
    if (!line.trim()) flush()
    else current.push(line.trim())
  }
  flush()
  const text = out.filter(Boolean).join('\n\n')
  if (!text) return null
  return text.length > MAX_CHARACTERS ? `${text.slice(0, MAX_CHARACTERS).replace(/\s+\S*$/, '')} …` : text
}

export function findNarrative(text: string): Narrative {
  const narrative: Narrative = { summary: null, decisionText: null, background: null }
  const lines = text.split('\n')
  let part: Part | null = null
  let body: string[] = []
  const close = (): void => {
    if (part && narrative[part] === null) narrative[part] = paragraphs(body)
    part = null
    body = []
  }
  for (const line of lines) {
    const heading = readHeading(line)
    if (heading) {
      close()
      part = heading.part
      if (heading.rest) body.push(heading.rest)
      continue
    }
    if (part) body.push(line)
  }
  close()
  return narrative
}
