import { z } from 'zod'
import { FOI_CHANNELS, FOI_EXEMPTIONS, FOI_OUTCOMES, REVIEW_OUTCOMES } from '../../../../domain/foi.ts'
import { splitQuestions } from '../../../../domain/foi-questions.ts'
import { optionalText, ukDateInput } from './form.ts'
import { requiredText } from '../../../../services/shared/form-fields.ts'

const exemptionCodes = FOI_EXEMPTIONS.map((e) => e.code) as [string, ...string[]]

/** Logging a new request. */
export const newRequestSchema = z.object({
  reference: z
    .string()
    .trim()
    .max(40, { message: 'The reference must be 40 characters or fewer' })
    .regex(/^[A-Za-z0-9./\-_ ]*$/, { message: 'The reference may contain letters, digits, spaces and . / - _ only' })
    .transform((v) => v || null),
  receivedOn: ukDateInput('date the request was received'),
  channel: z.enum(FOI_CHANNELS, { message: 'Choose how the request arrived' }),
  requesterName: requiredText(200, 'Enter the requester’s name', 'The name must be 200 characters or fewer'),
  requesterContact: requiredText(
    500,
    'Enter an email or postal address to reply to',
    'The contact details must be 500 characters or fewer',
  ),
  summary: optionalText(300, 'The summary must be 300 characters or fewer'),
  questions: z
    .string()
    .max(50_000, { message: 'The request must be 50,000 characters or fewer' })
    .transform((text) => splitQuestions(text))
    .pipe(
      z
        .array(z.string().max(5000, { message: 'Each question must be 5,000 characters or fewer' }))
        .min(1, { message: 'Enter the request’s questions, one per line' })
        .max(100, { message: 'Split the request into at most 100 questions' }),
    ),
})

/** A register page (this site's path) or a web address, for section 21 answers. */
const registerLink = z
  .string()
  .trim()
  .max(500, { message: 'The link must be 500 characters or fewer' })
  .refine((v) => v === '' || /^\/(?!\/)\S*$/.test(v) || /^https?:\/\/\S+$/i.test(v), {
    message: 'Enter a register page such as /decisions/nottinghamshire-2024-006, or a web address starting https://',
  })
  .transform((v) => v || null)

/** Answering one question. */
export const answerSchema = z
  .object({
    question: requiredText(5000, 'Enter the question', 'The question must be 5,000 characters or fewer'),
    answer: optionalText(20_000, 'The answer must be 20,000 characters or fewer'),
    exemption: z
      .union([z.literal(''), z.enum(exemptionCodes)], { message: 'Choose an exemption from the list' })
      .transform((v) => v || null),
    registerLink,
  })
  .refine((v) => v.answer !== null || v.exemption !== null, {
    message: 'Enter the answer, or choose the exemption that applies',
    path: ['answer'],
  })

export const addQuestionSchema = z.object({
  question: requiredText(5000, 'Enter the question', 'The question must be 5,000 characters or fewer'),
})

export const dateOnlySchema = (label: string) => z.object({ date: ukDateInput(label) })

/** A date and what was said: the clarification asked for, or the requester's reply. */
export const clarificationSchema = (dateLabel: string, textMessage: string) =>
  z.object({
    date: ukDateInput(dateLabel),
    note: z
      .string()
      .trim()
      .min(1, { message: textMessage })
      .max(5000, { message: 'This must be 5,000 characters or fewer' }),
  })

export const extensionSchema = z.object({
  date: ukDateInput('new deadline'),
  reason: requiredText(
    1000,
    'Say which public interest test needs the extra time',
    'The reason must be 1,000 characters or fewer',
  ),
})

export const answerRequestSchema = z.object({
  date: ukDateInput('date the response was sent'),
  outcome: z.enum(FOI_OUTCOMES, { message: 'Choose the outcome of the request' }),
})

export const reviewOutcomeSchema = z.object({
  date: ukDateInput('date the review was completed'),
  outcome: z.enum(REVIEW_OUTCOMES, { message: 'Choose the outcome of the review' }),
})

export const closeSchema = z.object({
  date: ukDateInput('date the request was closed'),
  note: optionalText(1000, 'The note must be 1,000 characters or fewer'),
})
