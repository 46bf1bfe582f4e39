/**
 * A closed list of words the register stores (a status, a kind, a role) with the label pages show for each.
 * The list is declared once, as its labels; its words keep the order the labels are written in.
 */
export interface LabelledWords<W extends string> {
  /** Every word, in order: for validation (`z.enum`) and for the options of a form. */
  words: readonly [W, ...W[]]
  labels: Readonly<Record<W, string>>
}

/** `labelledWords({ planned: 'Planned', taken: 'Taken' })` → words ['planned', 'taken'] and those labels. */
export function labelledWords<W extends string>(labels: Record<W, string>): LabelledWords<W> {
  return { words: Object.keys(labels) as [W, ...W[]], labels }
}
