import type { Request, Response } from 'express'
import { FOI_STATUSES, FOI_STATUS_LABELS, type FoiStatus } from '../../../../domain/foi.ts'
import { formatUkDate, parseUkDate } from '../../../../domain/uk-date.ts'
import type { Services } from '../../../../services/index.ts'
import { DUE_FILTERS, type DueFilter, type FoiListFilter } from '../../../../services/foi/dashboard.ts'
import { scopeOf } from '../../../auth.ts'
import { pagination } from '../../pagination.ts'
import { statusTag, timelinessTag } from './labels.ts'

const DUE_LABELS: Record<DueFilter, string> = {
  overdue: 'Overdue',
  this_week: 'Due this week',
  later: 'Due after this week',
}
const FIELDS = ['q', 'status', 'due', 'from', 'to'] as const
type Field = (typeof FIELDS)[number]

type Raw = Record<Field, string>
type Errors = Partial<Record<Field, string>>

/**
 * /staff/foi/requests: every FOI request of the person's offices, filtered by status, by how the deadline
 * stands, by the date received and by words, 25 a page, in the MoJ filter pattern (selected filters each
 * removable, "Clear filters").
 */
export class FoiListController {
  constructor(private readonly services: Services) {}

  get = async (req: Request, res: Response): Promise<void> => {
    const { raw, errors, filter } = readFilter(req)
    const valid = Object.keys(errors).length === 0
    const result = await this.services.foi.dashboard.list(valid ? filter : { page: filter.page }, scopeOf(res))
    const errorList = Object.entries(errors).map(([name, text]) => ({ text, href: `#${name}` }))
    res.status(valid ? 200 : 400).render('pages/staff/foi/list', {
      values: raw,
      errors,
      errorList,
      selected: valid ? selectedFilters(raw, filter) : [],
      statuses: [
        { value: '', text: 'Any status' },
        ...FOI_STATUSES.map((s) => ({ value: s, text: FOI_STATUS_LABELS[s], selected: raw.status === s })),
      ],
      dues: [
        { value: '', text: 'Any time' },
        ...DUE_FILTERS.map((d) => ({ value: d, text: DUE_LABELS[d], selected: raw.due === d })),
      ],
      total: result.total,
      page: result.page,
      pageCount: result.pageCount,
      rows: result.rows.map((r) => ({
        ...r,
        statusTag: statusTag(r.status),
        timelinessTag: timelinessTag(r.clock.timeliness),
      })),
      pagination: pagination(result.page, result.pageCount, (n) => listUrl(raw, undefined, n)),
    })
  }
}

/** The filters as typed, an error for each that cannot be read, and the filter read from the rest. */
function readFilter(req: Request): { raw: Raw; errors: Errors; filter: FoiListFilter } {
  const raw = Object.fromEntries(
    FIELDS.map((f) => [f, typeof req.query[f] === 'string' ? (req.query[f] as string).trim() : '']),
  ) as Raw
  const errors: Errors = {}
  const filter: FoiListFilter = {}
  if (raw.q.length > 200) errors.q = 'Search words must be 200 characters or fewer'
  else if (raw.q) filter.text = raw.q
  if (raw.status && !(FOI_STATUSES as readonly string[]).includes(raw.status)) errors.status = 'Choose a status'
  else if (raw.status) filter.status = raw.status as FoiStatus
  if (raw.due && !(DUE_FILTERS as readonly string[]).includes(raw.due)) errors.due = 'Choose when it is due'
  else if (raw.due) filter.due = raw.due as DueFilter
  for (const [key, label] of [
    ['from', 'Received from'],
    ['to', 'Received to'],
  ] as const) {
    if (!raw[key]) continue
    const iso = parseUkDate(raw[key])
    if (!iso) errors[key] = `${label} must be a real date, like 1/4/2024 or 1 April 2024`
    else if (key === 'from') filter.receivedFrom = iso
    else filter.receivedTo = iso
  }
  if (filter.receivedFrom && filter.receivedTo && filter.receivedFrom > filter.receivedTo)
    errors.to = 'Received to must be the same as or after received from'
  const pageNumber = Number(req.query.page ?? 1)
  filter.page = Number.isSafeInteger(pageNumber) && pageNumber > 0 ? pageNumber : 1
  return { raw, errors, filter }
}

/** The list's address with the filters as typed, one of them left out, on the given page. */
function listUrl(raw: Raw, except?: Field, page?: number): string {
  const params = new URLSearchParams()
  for (const f of FIELDS) if (f !== except && raw[f]) params.set(f, raw[f])
  if (page && page > 1) params.set('page', String(page))
  const query = params.toString()
  return `/staff/foi/requests${query ? `?${query}` : ''}`
}

/** Each filter in use, with a link that removes it. */
function selectedFilters(raw: Raw, filter: FoiListFilter): Array<{ heading: string; text: string; href: string }> {
  return [
    raw.q && { heading: 'Words', text: `“${raw.q}”`, href: listUrl(raw, 'q') },
    filter.status && { heading: 'Status', text: FOI_STATUS_LABELS[filter.status], href: listUrl(raw, 'status') },
    filter.due && { heading: 'Due', text: DUE_LABELS[filter.due], href: listUrl(raw, 'due') },
    filter.receivedFrom && {
      heading: 'Received from',
      text: formatUkDate(filter.receivedFrom),
      href: listUrl(raw, 'from'),
    },
    filter.receivedTo && { heading: 'Received to', text: formatUkDate(filter.receivedTo), href: listUrl(raw, 'to') },
  ].filter((s): s is { heading: string; text: string; href: string } => Boolean(s))
}
