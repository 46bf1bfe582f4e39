/**
 * The fields every form about an award shares, read one way: who receives the money, how much (typed in
 * pounds, read as pence), the lead commissioner it passes through and how it was procured. Each form gives
 * its own words for what is wrong, and reads its own other fields (periods, funding stream, purpose…).
 */
import { z } from 'zod'
import { PROCUREMENT_ROUTES, type ProcurementRoute } from '../../domain/decision.ts'
import { MoneyFormatError, parsePoundsInput } from '../../domain/money.ts'
import { requiredText } from './form-fields.ts'

/** What a form says when an amount is missing, not in pounds, or below the least it allows. */
export interface AmountWords {
  missing: string
  notPounds: string
  tooSmall: string
  /** The least amount allowed, in pence: 0 lets a nil amount through, 1 does not. */
  leastPence: number
}

export interface AwardFieldWords {
  amount: AmountWords
  /** What to say when no recipient is given. */
  recipientMissing: string
  /** Names the recipient in "… must be 300 characters or fewer"; `via` names the lead commissioner there. */
  recipient: string
  via: string
  routeNotListed: string
  /** What to say when no route is chosen; without it, a blank route is read as none. */
  routeMissing?: string
}

/** Longest name of an organisation a form accepts. */
const NAME_MAX = 300

/** Text that may be left blank (read as null), of at most `max` characters; `label` names it in the message. */
export function optionalText(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, { message: `${label} must be ${max.toLocaleString('en-GB')} characters or fewer` })
    .transform((text) => text || null)
}

/** An amount typed in pounds (like 23,966 or 1,234.56), read as pence. */
export function amountInPounds(words: AmountWords) {
  return z
    .string()
    .trim()
    .min(1, { message: words.missing })
    .transform((text, ctx) => {
      try {
        const pence = parsePoundsInput(text)
        if (pence >= words.leastPence) return pence
        ctx.addIssue({ code: 'custom', message: words.tooSmall })
      } catch (error) {
        if (!(error instanceof MoneyFormatError)) throw error
        ctx.addIssue({ code: 'custom', message: words.notPounds })
      }
      return z.NEVER
    })
}

/** A procurement route chosen from the list; blank is none unless the form says a route is needed. */
function procurementRoute(notListed: string, missing?: string) {
  return z
    .string()
    .trim()
    .transform((text, ctx): ProcurementRoute | null => {
      if (text === '' && missing === undefined) return null
      if ((PROCUREMENT_ROUTES as readonly string[]).includes(text)) return text as ProcurementRoute
      ctx.addIssue({ code: 'custom', message: text === '' ? missing! : notListed })
      return z.NEVER
    })
}

/** One schema per shared field, each reading the text as typed: the recipient, amount, lead commissioner, route. */
export function awardFields(words: AwardFieldWords) {
  return {
    recipient: requiredText(NAME_MAX, words.recipientMissing, `${words.recipient} must be 300 characters or fewer`),
    amount: amountInPounds(words.amount),
    via: optionalText(NAME_MAX, words.via),
    route: procurementRoute(words.routeNotListed, words.routeMissing),
  }
}

/**
 * Reads one field with its schema: the value, or null with the first problem put in `errors` under `name`
 * (a form's errors keep the order its fields are read in, as its error summary lists them).
 */
export function readField<S extends z.ZodType<unknown, string>>(
  errors: Record<string, string>,
  name: string,
  schema: S,
  text: string,
): z.output<S> | null {
  const read = schema.safeParse(text)
  if (read.success) return read.data
  errors[name] = read.error.issues[0]!.message
  return null
}
