import type { Database } from '../../db/database.ts'
import { homeOffice, staffRecipients } from '../../db/repositories/notifications/recipients.ts'
import type { EmailContent } from '../../domain/email.ts'
import { financialYearOf } from '../../domain/financial-year.ts'
import { formatPence } from '../../domain/money.ts'
import { addMonths } from '../../domain/pipeline.ts'
import { formatUkDate } from '../../domain/uk-date.ts'
import { CommissioningService } from '../ledger/commissioning.ts'
import { FundingService } from '../ledger/funding.ts'
import { queueToStaff } from './staff-messages.ts'

/** A funding stream's year is "near its end" when the financial year ends within this many months. */
export const STREAM_END_MONTHS = 6

type Sections = NonNullable<EmailContent['sections']>

/** What the monthly digest holds on a day: services ending with no successor, streams with money left near the end. */
export async function digestSections(database: Database, today: string): Promise<Sections> {
  const [pipeline, streams] = await Promise.all([
    new CommissioningService(database).pipeline(today),
    new FundingService(database).overview(),
  ])
  const sections: Sections = pipeline.windows
    .filter((w) => w.entries.length)
    .map((w) => ({
      heading: `Services ending within ${w.months} months with no successor`,
      items: w.entries.map((e) => ({
        text: `${e.item.name}: ends ${formatUkDate(e.latestEnd)}`,
        path: `/services/${e.item.slug}`,
      })),
    }))
  const horizon = addMonths(today, STREAM_END_MONTHS)
  const current = financialYearOf(today)
  const streamItems = streams.flatMap((stream) =>
    stream.years
      .filter((y) => y.leftPence !== null && y.leftPence > 0 && y.startYear === current.startYear)
      .filter(() => current.end <= horizon)
      .map((y) => ({
        text: `${stream.name}, ${y.label}: ${formatPence(y.leftPence!)} left, year ends ${formatUkDate(current.end)}`,
        path: '/funding-streams',
      })),
  )
  if (streamItems.length)
    sections.push({ heading: 'Funding streams with money left near the end of the year', items: streamItems })
  return sections
}

/**
 * The monthly digest: the first pass of each month queues one email per person who gets it (keyed by the
 * month), when there is anything to tell.
 */
export async function queueMonthlyDigest(database: Database, today: string): Promise<number> {
  const sections = await digestSections(database, today)
  if (sections.length === 0) return 0
  const month = today.slice(0, 7)
  const monthName = formatUkDate(`${month}-01`).replace(/^1 /, '')
  return database.transaction(async (trx) => {
    const office = await homeOffice(trx)
    const people = await staffRecipients(trx, 'monthly_digest', {
      roles: ['officer', 'finance_officer', 'chief_executive'],
      officeId: office?.id ?? null,
    })
    return queueToStaff(trx, people, {
      eventKey: `digest:${month}`,
      kind: 'monthly_digest',
      senderName: office?.name ?? 'Commissioning Register',
      subject: `Monthly digest for ${monthName}: services ending and money left`,
      content: {
        paragraphs: [`Services to recommission and funding to commit, as of ${formatUkDate(today)}.`],
        sections,
        link: { text: 'See the recommissioning pipeline', path: `/pipeline?on=${today}` },
      },
    })
  })
}
