/** Staff roles. A person may hold several; segregation of duties is checked per decision, not per role. */
export const ROLES = ['officer', 'finance_officer', 'chief_executive', 'decision_maker', 'administrator'] as const
export type Role = (typeof ROLES)[number]

export const ROLE_LABELS: Record<Role, string> = {
  officer: 'Commissioning officer',
  finance_officer: 'Chief finance officer',
  chief_executive: 'Chief executive',
  decision_maker: 'Decision maker',
  administrator: 'Administrator',
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
