import { ROLES, type Role } from './roles.ts'

/** The roles a person holds in one office. */
export interface OfficeMembership {
  officeId: number
  roles: readonly Role[]
}

/**
 * The offices a caller may act in, and with which roles: computed once per request from the signed-in person
 * (or API token) and handed to every query of an office's records. A deployment administrator holds the
 * administrator role in every office; the system (a command run with no caller) holds every role everywhere.
 */
export class OfficeScope {
  private constructor(
    /** Roles held in every office, present and future. */
    private readonly everywhere: readonly Role[],
    private readonly memberships: ReadonlyMap<number, readonly Role[]>,
  ) {}

  /** A person's scope: their memberships, and every office as administrator if they administer the deployment. */
  static of(memberships: readonly OfficeMembership[], deploymentAdmin = false): OfficeScope {
    return new OfficeScope(
      deploymentAdmin ? ['administrator'] : [],
      new Map(memberships.map((m) => [m.officeId, [...new Set(m.roles)]])),
    )
  }

  /** Every office with every role: a command run with no known caller, or the register's own jobs. */
  static readonly system = new OfficeScope(ROLES, new Map())

  /** No office at all: someone signed out. */
  static readonly none = new OfficeScope([], new Map())

  /** True when the scope reaches every office (the system, or a deployment administrator's administrator role). */
  get allOffices(): boolean {
    return this.everywhere.length > 0
  }

  /** The offices the scope names, or null for every office. */
  officeIds(): number[] | null {
    return this.allOffices ? null : [...this.memberships.keys()].sort((a, b) => a - b)
  }

  /** The roles held in one office. */
  rolesIn(officeId: number): Role[] {
    return [...new Set([...this.everywhere, ...(this.memberships.get(officeId) ?? [])])]
  }

  /** Every role held in any office. */
  roles(): Role[] {
    return [...new Set([...this.everywhere, ...[...this.memberships.values()].flat()])]
  }

  /** Whether the scope reaches an office (with one of the roles, when given). */
  includes(officeId: number, ...roles: Role[]): boolean {
    const held = this.rolesIn(officeId)
    return roles.length ? roles.some((r) => held.includes(r)) : this.allOffices || this.memberships.has(officeId)
  }

  /** Whether any of the roles is held in any office. */
  hasRole(...roles: Role[]): boolean {
    const held = this.roles()
    return roles.some((r) => held.includes(r))
  }

  /** The scope narrowed to the offices where one of the roles is held: what a route mounted for those roles may reach. */
  withRoles(...roles: Role[]): OfficeScope {
    if (!roles.length) return this
    const everywhere = this.everywhere.filter((r) => roles.includes(r))
    if (everywhere.length) return new OfficeScope(this.everywhere, this.memberships)
    return new OfficeScope([], new Map([...this.memberships].filter(([, held]) => held.some((r) => roles.includes(r)))))
  }

  /** The one office to act in: the chosen one if the scope reaches it, else the only office with the role; undefined if there is no single answer. */
  officeFor(role: Role, chosen?: number): number | undefined {
    if (chosen !== undefined) return this.includes(chosen, role) ? chosen : undefined
    const offices = [...this.memberships].filter(([, held]) => held.includes(role)).map(([id]) => id)
    return offices.length === 1 ? offices[0] : undefined
  }
}
