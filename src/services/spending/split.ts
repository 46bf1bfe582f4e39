import type { SpendPayment } from '../../db/repositories/spending/spending.ts'
import { MoneyFormatError, formatPence, parsePoundsInput } from '../../domain/money.ts'
import { FormError } from '../shared/form-error.ts'

/**
 * The parts of a payment split between awards, as typed: each an award of the office (`isPayable`) and an amount
 * of the payment's sign, no award twice, two parts or more, adding up to the payment exactly. A blank part is
 * ignored. Throws FormError naming each wrong field (`award2`, `amount2`) or, for the whole, `parts`.
 */
export async function validateSplit(
  payment: Pick<SpendPayment, 'amountPence'>,
  input: ReadonlyArray<{ award: string; amount: string }>,
  isPayable: (awardId: number) => Promise<boolean>,
): Promise<Array<{ awardId: number; amountPence: number }>> {
  const errors: Record<string, string> = {}
  const parts: Array<{ awardId: number; amountPence: number }> = []
  const seen = new Set<number>()
  for (const [i, part] of input.entries()) {
    const n = i + 1
    const award = part.award.trim()
    const amount = part.amount.trim()
    if (!award && !amount) continue
    const awardId = /^\d{1,15}$/.test(award) ? Number(award) : NaN
    if (!award) errors[`award${n}`] = `Choose the award part ${n} pays`
    else if (!Number.isSafeInteger(awardId) || !(await isPayable(awardId)))
      errors[`award${n}`] = `Part ${n}: choose an award of the office from the list`
    else if (seen.has(awardId))
      errors[`award${n}`] = `Part ${n} pays the same award as an earlier part: put the two together`
    seen.add(awardId)
    let amountPence = NaN
    if (!amount) errors[`amount${n}`] = `Enter the amount of part ${n}`
    else {
      try {
        amountPence = parsePoundsInput(amount)
        if (amountPence === 0) errors[`amount${n}`] = `Part ${n} must not be £0.00`
        else if (Math.sign(amountPence) !== Math.sign(payment.amountPence))
          errors[`amount${n}`] =
            payment.amountPence < 0
              ? `Part ${n} must be negative, like the payment (a refund)`
              : `Part ${n} must not be negative`
      } catch (error) {
        if (!(error instanceof MoneyFormatError)) throw error
        errors[`amount${n}`] = `Part ${n}: ${error.message}`
      }
    }
    parts.push({ awardId, amountPence })
  }
  if (Object.keys(errors).length) throw new FormError(errors)
  if (parts.length < 2)
    throw new FormError({
      parts: 'Split the payment between two awards or more (to match it to one award, choose the award instead)',
    })
  const total = parts.reduce((sum, p) => sum + p.amountPence, 0)
  if (total !== payment.amountPence)
    throw new FormError({
      parts: `The parts add up to ${formatPence(total)}, but the payment is ${formatPence(payment.amountPence)}: they must add up to it exactly (${formatPence(Math.abs(payment.amountPence - total))} ${Math.abs(total) > Math.abs(payment.amountPence) ? 'too much' : 'short'})`,
    })
  return parts
}
