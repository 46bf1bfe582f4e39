import { labelledWords } from './words.ts'

/** Staff roles. A person may hold several; segregation of duties is checked per decision, not per role. */
export const { words: ROLES, labels: ROLE_LABELS } = labelledWords({
  officer: 'Commissioning officer',
  finance_officer: 'Chief finance officer',
  chief_executive: 'Chief executive',
  decision_maker: 'Decision maker',
  administrator: 'Administrator',
})
export type Role = (typeof ROLES)[number]

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
