import { type Actor, AuditedService } from '../audit/audit.ts'
import { FormError } from '../shared/form-error.ts'
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts'

export interface PasswordChange {
  current: string
  password: string
  confirm: string
}

/** Everyone changes their own password; one set by an administrator must be changed at the first sign-in. */
export class OwnPasswordService extends AuditedService {
  /**
   * Checks the current password and sets the new one. The person's other sessions end (this one, `keepSessionId`,
   * stays), and so does the need to change a one-time password. Throws FormError naming each field.
   */
  async change(userId: number, input: PasswordChange, keepSessionId: string | null, actor: Actor): Promise<void> {
    const errors: Record<string, string> = {}
    if (!input.current) errors.current = 'Enter your current password'
    const problem = input.password ? await passwordProblem(input.password) : 'Enter a new password'
    if (problem) errors.password = problem
    else if (input.password !== input.confirm) errors.confirm = 'Enter the same new password twice'
    else if (input.password === input.current)
      errors.password = 'The new password must be different from the current one'
    const row = await this.database.db
      .selectFrom('users')
      .select(['password_hash', 'must_change_password'])
      .where('id', '=', userId)
      .executeTakeFirst()
    if (!row) throw new FormError({ current: 'There is no such account' })
    if (input.current && !(await verifyPassword(input.current, row.password_hash)))
      errors.current = 'Your current password is not right'
    if (Object.keys(errors).length) throw new FormError(errors)
    const passwordHash = await hashPassword(input.password)
    await this.database.transaction(async (trx) => {
      await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, must_change_password: false })
        .where('id', '=', userId)
        .execute()
      let others = trx.deleteFrom('sessions').where('user_id', '=', userId)
      if (keepSessionId) others = others.where('sid', '<>', keepSessionId)
      await others.execute()
      await this.audit.recordChange(trx, actor, 'change own password', ['user', userId], {
        after: { passwordChanged: true, oneTimePasswordReplaced: row.must_change_password, otherSessionsEnded: true },
      })
    })
  }
}
