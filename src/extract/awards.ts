/** Awards: money the document awards or commits to recipients, from tables and from prose. */
import type { AmountReading } from '../domain/document-amount.ts'
import { INEXACT_BEFORE, findAmounts } from './amounts.ts'
import { lineAt, type Doc, type Span } from './document.ts'
import { isOfficeName, orgAt, resolveOrg, type OrgContext } from './orgs.ts'
import { labelField, type LabelHit } from './labels.ts'
import { routesIn, viaIn } from './routes.ts'
import { cellPeriod, type Table } from './tables.ts'
import type { AwardDraft, Route, Source } from './types.ts'

export interface AwardContext {
  org: OrgContext
  route: Route | null
  via: string | null
  tableLines: Set<number>
}

export function isContributionTable(table: Table): boolean {
  // A caption is a heading, not the sentence before the table: prose mentioning partners does not make a contribution table.
  const caption = table.caption.length <= 100 && !/[.!?]\s*$/.test(table.caption) ? table.caption : ''
  return /contribut|funding\s+partners?|partner\s+(?:funding|share)|\bpartners?\b/i.test(
    `${caption} ${table.header?.cells.join(' ') ?? ''}`,
  )
}

function valueOf(reading: AmountReading): number | null {
  return reading.pence ?? reading.likely
}

function source(doc: Doc, line: number): Source {
  return { line, text: doc.lines[line - 1]!.raw.trim() }
}

export function awardsFromTables(doc: Doc, tables: Table[], context: AwardContext): AwardDraft[] {
  const awards: AwardDraft[] = []
  for (const table of tables) {
    if (isContributionTable(table)) continue
    const recipientColumn = table.columns.find((c) => c.kind === 'recipient')
    const viaColumn = table.columns.find((c) => c.kind === 'via')
    const routeColumn = table.columns.find((c) => c.kind === 'route')
    const periodColumn = table.columns.find(
      (c) => c.kind === 'text' && /period|year|term/i.test(c.header) && c.index > 0,
    )
    for (const row of table.rows) {
      const note = row.note
      const noteRecipient = /\bto\s+(?=(?:the\s+)?[A-Z])/.exec(note)
      const fromNote = noteRecipient ? orgAt(note.slice(noteRecipient.index + noteRecipient[0].length)) : null
      for (const cell of row.amounts) {
        const column = table.columns[cell.column]
        if (!column || column.kind === 'total') continue
        const value = valueOf(cell.reading)
        if (value === null) continue
        const recipientText = table.transposed
          ? column.header
          : (recipientColumn ? row.cells[recipientColumn.index] : null) ||
            rowRecipient(row.label, fromNote, context.org)
        if (!recipientText || /^(?:total|sub-?total)/i.test(recipientText)) continue
        const period =
          cellPeriod(table, row, cell)?.label ?? (periodColumn ? row.cells[periodColumn.index] || null : null)
        const viaText = viaColumn ? row.cells[viaColumn.index] : ''
        const routeText = `${routeColumn ? (row.cells[routeColumn.index] ?? '') : ''} ${note}`
        awards.push({
          recipient: resolveOrg(recipientText, context.org),
          amount: value,
          period: period ? period.replace(/\s+/g, ' ') : null,
          perAnnum: cell.reading.perAnnum || column.perAnnum,
          upTo: cell.reading.upTo,
          via: (viaText ? resolveOrg(viaText, context.org) : null) ?? viaIn(note, context.org) ?? context.via,
          route: routesIn(routeText)[0] ?? routeWords(routeText) ?? context.route,
          source: source(doc, row.line.no),
        })
      }
    }
  }
  return awards
}

/** The row's label, expanded if it is an abbreviation, unless the row's note names the recipient more plainly. */
function rowRecipient(label: string, fromNote: string | null, org: OrgContext): string {
  if (org.abbreviations.has(label.trim())) return label
  if (!fromNote) return label
  const l = label.toLowerCase()
  const n = fromNote.toLowerCase()
  if (l.startsWith(n)) return /\s[-–(]/.test(label) ? fromNote : label
  return fromNote
}

function routeWords(text: string): Route | null {
  if (/\bdirect/i.test(text)) return 'direct_award'
  if (/framework|call[\s-]?off/i.test(text)) return 'framework_call_off'
  if (/tender|competiti/i.test(text)) return 'open_tender'
  if (/\bgrant\b/i.test(text)) return 'grant'
  return null
}

const RIGHT_TO =
  /^\s*(?:\([^)]{0,90}\)\s*)?(?:(?:over|across|for)\s+(?:the\s+next\s+)?(?:\w+\s+){0,2}(?:years?|months?)\s+)?(?:(?:will\s+be|is|are|to\s+be|has\s+been|have\s+been|was|were|be)\s+)?(?:(?:directly\s+)?(?:awarded|paid|given|granted|allocated|provided|passed|made\s+available|committed)\s+|(?:approved|agreed)\s+for\s+(?:award|allocation|payment)\s+)?to\s+/i
/** "a direct contract award to X for … at a cost of £…": the recipient named earlier in the clause that prices it. */
const AWARD_TO_BEFORE =
  /\b(?:(?:(?:contract\s+)?award(?:ed)?|grant(?:ed)?|contract)\s+(?:(?:the|a|this)\s+(?:contract|grant)\s+)?to|(?:contract|agreement|grant)\s+with|(?:agreed|agrees|approved|approves|decided|asked)\s+to\s+fund)\s+((?:the\s+)?[A-Z][^.;£]{1,200}?)$/
const PRICED =
  /\b(?:at\s+a\s+(?:total\s+)?cost\s+of|(?:annual\s+)?value\s+(?:rises|increases|falls|reduces)\s+to|(?:valued|priced)\s+at|worth|(?:with\s+a\s+|at\s+a\s+)?(?:total\s+)?value\s+of)\s*$/i
const LEFT_VERB =
  /\b(?:award|awards|awarded|grant|grants|granted|allocate|allocates|allocated|pay|pays|give|gives|fund|funds)\s+(.{2,100}?)\s+(?:a\s+(?:grant|sum|total|payment)\s+of\s+|an?\s+(?:award|allocation)\s+of\s+|funding\s+of\s+|with\s+)?$/i
const LEFT_RECEIVE =
  /([A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|of|and|&|for)){0,8})\s+(?:will\s+)?(?:receive|receives|received|is\s+awarded|are\s+awarded|has\s+been\s+awarded|have\s+been\s+awarded|was\s+awarded|were\s+awarded|gets)\s+(?:a\s+grant\s+of\s+|funding\s+of\s+|an?\s+award\s+of\s+)?$/
const LEFT_LIST = /^\s*(?:[-•*]\s*)?([A-Z][^:£\t]{1,80}?)\s*(?::|–|—|-|\(|=)\s*$/
const PERIOD_AFTER =
  /^\s*(?:\([^)]{0,60}\)\s*)?(?:(?:is|are|will\s+be)\s+)?(?:for|in|during|over)\s+(?:the\s+)?(?:financial\s+year\s+|year\s+)?((?:19|20)\d{2}\s?[/-]\s?\d{2,4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s?'?\d{2,4}\s?(?:-|–|to)\s?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s?'?\d{2,4})/i

function recipientFor(sentence: string, start: number, end: number): string | null {
  const after = sentence.slice(end, end + 300)
  const to = RIGHT_TO.exec(after)
  if (to) {
    const name = orgAt(after.slice(to[0].length))
    if (name) return name
  }
  const before = sentence.slice(Math.max(0, start - 160), start)
  const list = LEFT_LIST.exec(sentence.slice(0, start))
  if (list && start < 100) {
    const name = labelField(list[1]!.trim()) ? null : orgAt(list[1]!.trim())
    if (
      name &&
      name.length >=
        list[1]!
          .trim()
          .replace(/^the\s+/i, '')
          .replace(/[,.;:]+$/, '').length -
          1
    )
      return name
  }
  const received = LEFT_RECEIVE.exec(before)
  if (received) return orgAt(received[1]!)
  if (PRICED.test(before)) {
    const awardTo = AWARD_TO_BEFORE.exec(sentence.slice(0, start))
    if (awardTo) {
      const name = orgAt(awardTo[1]!)
      if (name) return name
    }
  }
  const verb = LEFT_VERB.exec(before)
  if (verb) return orgAt(verb[1]!)
  return null
}

function periodAfter(text: string): string | null {
  const m = PERIOD_AFTER.exec(text)
  return m ? m[1]!.replace(/\s+/g, ' ') : null
}

const NOT_RECIPIENT =
  /^(?:[A-Z][a-z]+day|January|February|March|April|May|June|July|August|September|October|November|December|Total|Year|Phase|Part|Section|Appendix|Annex|Table)$|\b(?:Fund|Grant|Budget|Funding)$/

const STATED_TOTAL = /\b(?:total|totalling|overall)\b[^.£]{0,40}$/i

/**
 * Awards written in sentences: "£23,966 to Juno Women's Aid", "awards X £5,000", "X will receive £5,000".
 * A total paid to one body ("a total of £429,795.55 to the councils") is an award only when nothing else is.
 */
export function awardsFromProse(doc: Doc, context: AwardContext, others: number): AwardDraft[] {
  const awards: AwardDraft[] = []
  const totalAwards: AwardDraft[] = []
  for (const sentence of doc.sentences) {
    if (context.tableLines.has(sentence.parts[0]!.line) || !sentence.text.includes('£')) continue
    if (/contribut/i.test(sentence.text)) continue
    const hits = findAmounts(sentence.text)
    const sentenceRoute = routesIn(sentence.text)[0] ?? null
    for (const hit of hits) {
      const value = valueOf(hit.reading)
      if (value === null || INEXACT_BEFORE.test(sentence.text.slice(Math.max(0, hit.start - 30), hit.start))) continue
      const name = recipientFor(sentence.text, hit.start, hit.end)
      if (!name || NOT_RECIPIENT.test(name) || isOfficeName(name)) continue
      const recipient = resolveOrg(name, context.org)
      if (context.org.office && recipient === context.org.office) continue
      const isTotal =
        STATED_TOTAL.test(sentence.text.slice(Math.max(0, hit.start - 60), hit.start)) ||
        /^\s*in\s+total\b/i.test(sentence.text.slice(hit.end))
      const afterAmount = sentence.text.slice(hit.end, hit.end + 300)
      const afterName = afterAmount.slice(afterAmount.indexOf(name) + name.length)
      ;(isTotal ? totalAwards : awards).push({
        recipient,
        amount: value,
        period: periodAfter(afterAmount) ?? periodAfter(afterName),
        perAnnum: hit.reading.perAnnum,
        upTo: hit.reading.upTo,
        via: viaIn(afterAmount, context.org) ?? context.via,
        route: sentenceRoute ?? context.route,
        source: source(doc, lineAt(sentence, hit.start)),
      })
    }
  }
  return others + awards.length > 0 ? awards : totalAwards
}

/** A one-award record written as labels: "Recipient: …", "Amount: £…", "Period: …", "Procurement route: …". */
export function awardFromLabels(doc: Doc, labels: LabelHit[], context: AwardContext): AwardDraft | null {
  const usable = labels.filter((l) => !context.tableLines.has(l.line.no))
  const recipients = usable.filter((l) => l.field === 'recipient' && l.value && !/\t/.test(l.value))
  const amounts = usable
    .filter((l) => l.field === 'total')
    .map((l) => ({ label: l, hits: findAmounts(l.value) }))
    .filter((a) => a.hits.length === 1 && a.hits[0]!.reading.pence !== null)
  if (recipients.length !== 1 || amounts.length !== 1) return null
  const amount = amounts[0]!
  const reading = amount.hits[0]!.reading
  const value = (field: string): string | null =>
    usable.find((l) => l.field === field && l.value)?.value.replace(/\t/g, ' ') ?? null
  const routeText = value('route') ?? ''
  const lead = value('lead')
  return {
    recipient: resolveOrg(recipients[0]!.value, context.org),
    amount: reading.pence!,
    period: value('period'),
    perAnnum: reading.perAnnum,
    upTo: reading.upTo,
    via: lead ? resolveOrg(lead, context.org) : context.via,
    route: routesIn(routeText)[0] ?? routeWords(routeText) ?? context.route,
    source: source(doc, amount.label.line.no),
  }
}

const CONTRACT_VALUE =
  /\bvalue\s+of\s+(?:the\s+|this\s+)?(?:contract|commission|grant|award|service)[^.£]{0,30}$|\b(?:contract|commission|grant|award)\b[^.£]{0,30}\b(?:is|was|will\s+be)\s+(?:valued|priced)\s+at\s*$/i
const PROVIDER = [
  /\bcommissioned\s+((?:the\s+)?[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,5})\s+to\b/g,
  /\b(?:contract|grant)\s+(?:was\s+|has\s+been\s+)?(?:awarded\s+)?(?:to|with)\s+((?:the\s+)?[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,5})/g,
  /\b(?:awarded|let|granted)\s+(?:the|this|a)\s+(?:contract|grant|framework)\s+to\s+((?:the\s+)?[A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,5})/g,
  /\b([A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*){0,5})\s+(?:were|was|has\s+been|have\s+been)\s+(?:selected|appointed|commissioned)\b/g,
]

/** A stated contract value with the one provider the document names: an FOI answer's "value of the contract £86,000". */
export function awardFromContractValue(doc: Doc, context: AwardContext): AwardDraft | null {
  const providers = new Set<string>()
  for (const paragraph of doc.paragraphs) {
    for (const pattern of PROVIDER) {
      pattern.lastIndex = 0
      for (let m = pattern.exec(paragraph.text); m; m = pattern.exec(paragraph.text)) {
        const name = orgAt(m[1]!)
        if (name && !isOfficeName(name) && !NOT_RECIPIENT.test(name) && !/^(?:I|We|You|They|It|He|She)$/.test(name))
          providers.add(resolveOrg(name, context.org))
      }
    }
  }
  if (providers.size !== 1) return null
  for (const sentence of doc.sentences) {
    for (const hit of findAmounts(sentence.text)) {
      if (hit.reading.pence === null || !CONTRACT_VALUE.test(sentence.text.slice(0, hit.start))) continue
      return {
        recipient: [...providers][0]!,
        amount: hit.reading.pence,
        period: null,
        perAnnum: hit.reading.perAnnum,
        upTo: hit.reading.upTo,
        via: context.via,
        route: context.route,
        source: source(doc, lineAt(sentence, hit.start)),
      }
    }
  }
  return null
}

/** One award per recipient, amount and period: the same award restated in the summary and the decision counts once. */
export function dedupeAwards(awards: AwardDraft[]): AwardDraft[] {
  const seen = new Set<string>()
  // The summary's "at a cost of £148,300" and the recommendation's "£148,300 for 2022/23" are one award.
  const withPeriod = new Set(awards.filter((a) => a.period).map((a) => `${a.recipient.toLowerCase()}|${a.amount}`))
  return awards.filter((award) => {
    if (!award.period && withPeriod.has(`${award.recipient.toLowerCase()}|${award.amount}`)) return false
    const key = `${award.recipient.toLowerCase()}|${award.amount}|${award.period ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export type { Span }
