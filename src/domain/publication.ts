import type { Classification } from './decision.ts'

/** The text of a decision that may be shown and searched publicly: nothing from withheld parts. */
export interface PublishableParts {
  classification: Classification
  executiveSummary: string | null
  decisionText: string | null
  sections: ReadonlyArray<{ heading: string; body: string; withheld: boolean }>
}

export function publicText(parts: PublishableParts): string {
  if (parts.classification === 'confidential') return ''
  const pieces = [parts.executiveSummary ?? '']
  for (const section of parts.sections) {
    if (!section.withheld) pieces.push(section.heading, section.body)
  }
  pieces.push(parts.decisionText ?? '')
  return pieces.filter((piece) => piece.trim() !== '').join('\n\n')
}

/** "s.43" or "section 43" → the sentence a public page shows in place of withheld text. */
export function withheldNotice(exemption: string | null): string {
  const section = /(\d+)/.exec(exemption ?? '')?.[1]
  return section
    ? `Withheld under section ${section} of the Freedom of Information Act 2000`
    : 'Withheld under the Freedom of Information Act 2000'
}
