import type { Role } from './roles.ts'

/** The staff notifications, each with who gets it by default (people holding one of its roles). */
export const STAFF_NOTIFICATIONS = {
  decision_stage: {
    label: 'A decision reaches your stage',
    hint: 'When a decision waits for your finance sign-off, approval or decision',
    roles: ['finance_officer', 'chief_executive', 'decision_maker'],
  },
  draft_returned: {
    label: 'Your draft is returned',
    hint: 'When someone signing it off sends your draft back to you, with their comment',
    roles: ['officer'],
  },
  decision_rejected: {
    label: 'Your decision is rejected',
    hint: 'When the decision maker rejects a decision you wrote, with the reasons',
    roles: ['officer'],
  },
  decision_approved: {
    label: 'Your decision is approved',
    hint: 'When the decision maker approves a decision you wrote, so you can publish it',
    roles: ['officer'],
  },
  decision_published: {
    label: 'Your decision is published',
    hint: 'When a decision you wrote is published on the register',
    roles: ['officer'],
  },
  foi_due: {
    label: 'FOI requests due soon, due today or late',
    hint: 'When a request is due in 3 working days, is due today, or is late',
    roles: ['officer'],
  },
  foi_review_due: {
    label: 'FOI internal reviews due',
    hint: 'When an internal review is due within 3 working days',
    roles: ['officer'],
  },
  imports_waiting: {
    label: 'Imports waiting for review',
    hint: 'When imported records have waited more than 5 working days for review',
    roles: ['officer'],
  },
  monthly_digest: {
    label: 'Monthly digest',
    hint: 'On the first working day of each month: services ending within 6, 12 or 18 months with no successor, and funding streams with money left near their end',
    roles: ['officer', 'finance_officer', 'chief_executive'],
  },
} as const satisfies Record<string, { label: string; hint: string; roles: readonly Role[] }>

export type StaffNotificationKind = keyof typeof STAFF_NOTIFICATIONS
export const STAFF_NOTIFICATION_KINDS = Object.keys(STAFF_NOTIFICATIONS) as StaffNotificationKind[]

export function isStaffNotificationKind(value: string): value is StaffNotificationKind {
  return (STAFF_NOTIFICATION_KINDS as string[]).includes(value)
}

/** The notifications a person with these roles can have: those meant for one of their roles. */
export function kindsForRoles(roles: readonly Role[]): StaffNotificationKind[] {
  return STAFF_NOTIFICATION_KINDS.filter((kind) =>
    (STAFF_NOTIFICATIONS[kind].roles as readonly Role[]).some((role) => roles.includes(role)),
  )
}

/**
 * Whether a person gets a notification: only one meant for their roles, on unless they turned it off.
 * `choices` holds only what the person changed.
 */
export function wantsNotification(
  kind: StaffNotificationKind,
  roles: readonly Role[],
  choices: ReadonlyMap<string, boolean>,
): boolean {
  if (!kindsForRoles(roles).includes(kind)) return false
  return choices.get(kind) ?? true
}
