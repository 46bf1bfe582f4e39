import { OfficeScope } from '../../domain/office-scope.ts'
import { describeListedTotal } from '../../domain/decision-total.ts'
import { sql } from 'kysely'
import type { Database } from '../../db/database.ts'
import { FoiRepository } from '../../db/repositories/foi/foi.ts'
import { PUBLIC_STATUSES } from '../../domain/decision.ts'
import { searchWords } from '../../domain/foi-questions.ts'
import { formatPence } from '../../domain/money.ts'
import { formatUkDate } from '../../domain/uk-date.ts'
import type { RegisterService } from '../decisions/register.ts'
import { AWARD_AMOUNT_COLUMNS } from '../shared/listed-columns.ts'

/** One thing the register already says that may answer a question, with the sentence to quote and the page to cite. */
export interface RegisterHit {
  title: string
  detail: string
  /** A sentence an officer can put in the answer. */
  fact: string
  /** The register page that publishes it (the link a section 21 answer gives), or null. */
  link: string | null
}

export interface RegisterFindings {
  words: string[]
  decisions: RegisterHit[]
  awards: RegisterHit[]
  services: RegisterHit[]
  responses: RegisterHit[]
}

const LIMIT = 8
const MAX_WORDS = 12

/**
 * The "find in the register" panel: published decisions, awards, commissioned services and earlier FOI
 * answers that hold every word of a question (its filler words, "what is the", left out), so a question's
 * whole wording can be searched as it stands and finds what it is about rather than anything sharing one word.
 * An award is searched with its decision and its recipient's names, a service with its decision and its providers' names, so
 * the words may fall in any of them. Only what the public register shows is offered, because it is what an
 * answer may quote or point to.
 */
export class FoiRegisterSearch {
  private readonly requests: FoiRepository

  constructor(
    private readonly database: Database,
    private readonly register: RegisterService,
  ) {
    this.requests = new FoiRepository(database.db)
  }

  async find(
    text: string,
    excludeRequestId: number | null = null,
    scope: OfficeScope = OfficeScope.system,
  ): Promise<RegisterFindings> {
    const words = searchWords(text).slice(0, MAX_WORDS)
    if (!words.length) return { words, decisions: [], awards: [], services: [], responses: [] }
    const everyWord = words.map((w) => w.replace(/["'’-]/g, ' ')).join(' ')
    const [decisions, awards, services, responses] = await Promise.all([
      this.decisions(everyWord),
      this.awards(everyWord),
      this.services(everyWord),
      this.responses(everyWord, excludeRequestId, scope),
    ])
    return { words, decisions, awards, services, responses }
  }

  private async decisions(everyWord: string): Promise<RegisterHit[]> {
    const { rows } = await this.register.searchDecisions({ text: everyWord })
    return rows.slice(0, LIMIT).map((d) => {
      const shown = describeListedTotal(d)
      const totalText = shown && !d.moneyWithheld ? `, total ${shown}` : ''
      return {
        title: `${d.reference ?? ''} ${d.title}`.trim(),
        detail: [d.officeName, formatUkDate(d.date)].filter(Boolean).join(', '),
        fact: `${d.title} (${d.reference ?? 'no reference'}${d.date ? `, ${formatUkDate(d.date)}` : ''})${totalText}.`,
        link: d.slug ? `/decisions/${d.slug}` : null,
      }
    })
  }

  private async awards(everyWord: string): Promise<RegisterHit[]> {
    const tsquery = sql`websearch_to_tsquery('english', ${everyWord})`
    const awardText = sql`to_tsvector('english', a.recipient_name || ' ' || coalesce(a.purpose, '') || ' ' || coalesce(a.period_label, ''))`
    const recipientNames = sql`to_tsvector('english', coalesce((select o.name || ' ' || coalesce((select string_agg(al.alias, ' ')
      from organisation_aliases al where al.organisation_id = o.id), '') from organisations o where o.id = a.recipient_id), ''))`
    const rows = await this.database.db
      .selectFrom('awards as a')
      .innerJoin('decisions as d', 'd.id', 'a.decision_id')
      .select(['a.id', 'a.recipient_name', ...AWARD_AMOUNT_COLUMNS, 'a.purpose', 'd.reference', 'd.title', 'd.slug'])
      .where('d.status', 'in', [...PUBLIC_STATUSES])
      .where('d.review_status', '=', 'reviewed')
      .where('d.classification', '<>', 'confidential')
      .where('a.withheld', '=', false)
      .where(sql<boolean>`(${awardText} || ${recipientNames} || d.search) @@ ${tsquery}`)
      .orderBy(sql`ts_rank(${awardText} || ${recipientNames}, ${tsquery})`, 'desc')
      .orderBy('a.amount_pence', 'desc')
      .limit(LIMIT)
      .execute()
    return rows.map((a) => {
      const amount = `${a.up_to ? 'up to ' : ''}${formatPence(a.amount_pence)}${a.per_annum ? ' a year' : ''}`
      const period =
        a.period_label ??
        (a.period_start && a.period_end ? `${formatUkDate(a.period_start)} to ${formatUkDate(a.period_end)}` : null)
      return {
        title: `${amount} to ${a.recipient_name}`,
        detail: [a.purpose, period, `decision ${a.reference ?? ''}`.trim()].filter(Boolean).join('; '),
        fact: `${amount} to ${a.recipient_name}${a.purpose ? ` for ${a.purpose.charAt(0).toLowerCase()}${a.purpose.slice(1)}` : ''}${period ? ` (${period})` : ''}, decision ${a.reference ?? a.title}.`,
        link: a.slug ? `/decisions/${a.slug}` : null,
      }
    })
  }

  private async services(everyWord: string): Promise<RegisterHit[]> {
    const tsquery = sql`websearch_to_tsquery('english', ${everyWord})`
    const serviceText = sql`to_tsvector('english', s.name || ' ' || coalesce(s.description, ''))`
    const providerNames = sql`to_tsvector('english', coalesce((select string_agg(o.name || ' ' || coalesce((select string_agg(al.alias, ' ')
      from organisation_aliases al where al.organisation_id = o.id), ''), ' ')
      from service_providers sp join organisations o on o.id = sp.organisation_id where sp.service_id = s.id), ''))`
    const rows = await this.database.db
      .selectFrom('services as s')
      .leftJoin('decisions as d', 'd.id', 's.decision_id')
      .select(['s.id', 's.name', 's.description', 's.start_date', 's.end_date', 'd.slug'])
      .select((eb) =>
        eb
          .selectFrom('service_providers as sp')
          .innerJoin('organisations as o', 'o.id', 'sp.organisation_id')
          .select(sql<string>`string_agg(o.name, ', ' order by o.name)`.as('p'))
          .whereRef('sp.service_id', '=', 's.id')
          .as('providers'),
      )
      .where((eb) =>
        eb.or([
          eb('s.decision_id', 'is', null),
          eb.and([
            eb('d.status', 'in', [...PUBLIC_STATUSES]),
            eb('d.review_status', '=', 'reviewed'),
            eb('d.classification', '<>', 'confidential'),
          ]),
        ]),
      )
      .where(sql<boolean>`(${serviceText} || ${providerNames} || coalesce(d.search, ''::tsvector)) @@ ${tsquery}`)
      .orderBy(sql`ts_rank(${serviceText} || ${providerNames}, ${tsquery}) desc`)
      .orderBy(sql`s.end_date desc nulls last`)
      .limit(LIMIT)
      .execute()
    return rows.map((s) => {
      const period =
        s.start_date || s.end_date
          ? `${s.start_date ? `from ${formatUkDate(s.start_date)}` : ''}${s.start_date && s.end_date ? ' ' : ''}${s.end_date ? `until ${formatUkDate(s.end_date)}` : ''}`
          : ''
      return {
        title: s.name,
        detail: [s.providers ? `Provided by ${s.providers}` : null, period].filter(Boolean).join('; '),
        fact: `${s.name}${s.providers ? `, provided by ${s.providers}` : ''}${period ? `, runs ${period}` : ''}.`,
        link: s.slug ? `/decisions/${s.slug}` : null,
      }
    })
  }

  /** Earlier answers: published ones of any office, unpublished ones only of the scope's offices. */
  private async responses(
    everyWord: string,
    excludeRequestId: number | null,
    scope: OfficeScope,
  ): Promise<RegisterHit[]> {
    const rows = await this.requests.earlierAnswers(everyWord, excludeRequestId, LIMIT, scope)
    return rows.map((r) => ({
      title: `${r.reference}: ${r.question}`,
      detail: !r.answeredOn
        ? 'A draft answer, not yet sent'
        : r.publishedOn
          ? `Answered ${formatUkDate(r.answeredOn)}, in the disclosure log`
          : `Answered ${formatUkDate(r.answeredOn)}, not yet published`,
      fact: r.answer ?? '',
      link: r.registerLink ?? (r.publishedOn && r.slug ? `/disclosure-log/${r.slug}` : null),
    }))
  }
}
