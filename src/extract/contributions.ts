/** Partners' contributions to a jointly funded service: per annum, "up to", from each partner. */
import { findAmounts, type AmountHit } from './amounts.ts'
import { lineAt, type Doc } from './document.ts'
import { isOfficeName, orgAt, resolveOrg, type OrgContext } from './orgs.ts'
import { isContributionTable } from './awards.ts'
import { cellPeriod, type Table } from './tables.ts'
import type { ContributionDraft } from './types.ts'

const TRIGGER =
  /£[\d,.]+\s?(?:k|m|million)?\s+from\s+(?:the\s+)?[A-Z][^.£]{0,80}\band\s+£[\d,.]+\s?(?:k|m|million)?\s+from\s+(?:the\s+)?[A-Z]|contribut|broken\s+down\s+as|made\s+up\s+of|jointly\s+(?:funded|commissioned)|co-?commission|split\s+(?:as|between)|funded\s+jointly|\b(?:is|are|will\s+be)\s+shared\b/i
const ANNUAL = /per\s+annum|\bp\/a\b|\bannual(?:ly)?\b|each\s+year|a\s+year\b|\bp\.?a\.?\b|per\s+year/i
const FROM_ORG =
  /^\s*(?:(?:per\s+annum|pa|each\s+year|a\s+year)\s+)?(?:(?:is|will\s+be|to\s+be)\s+)?(?:from|by|contributed\s+by|provided\s+by)\s+/i
const ORG_VERB =
  /((?:the\s+)?[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|of|and|&|for|upon|on)){0,8}|\bthem|\bthey|\bit)\s*(?:,[^,]{1,100},\s*)?(?:also\s+)?(?:contributes|contributing|contribute|will\s+contribute|to\s+contribute|contributed|is\s+contributing|are\s+contributing|provides|providing|will\s+provide|commits|committing)\s+(?:(?:a\s+(?:further\s+)?(?:sum|total)|an?\s+(?:annual\s+)?contribution)\s+of\s+)?$/
const OWNED =
  /((?:the\s+)?[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|of|and|&)){0,6})'s\s+(?:annual\s+)?contribution\s+(?:of|will\s+be\s+\w+\s+at|is|will\s+be|remains)\s*$/
const UNOWNED_TO = /\bcontribution\s+of\s*$/i
const COUNCIL_LIKE =
  /\b((?:[A-Z][\w'&-]*\s+){1,5}(?:Council|Authority|Commissioner|Trust|Board|Partnership|CCG|ICB))\b/g

function lastOrgBefore(text: string): string | null {
  let last: string | null = null
  COUNCIL_LIKE.lastIndex = 0
  for (let m = COUNCIL_LIKE.exec(text); m; m = COUNCIL_LIKE.exec(text)) last = m[1]!
  return last
}

export function contributionsFromProse(doc: Doc, context: OrgContext, tableLines: Set<number>): ContributionDraft[] {
  const found: ContributionDraft[] = []
  for (let s = 0; s < doc.sentences.length; s++) {
    const sentence = doc.sentences[s]!
    const text = sentence.text
    if (tableLines.has(sentence.parts[0]!.line) || !TRIGGER.test(text) || !text.includes('£')) continue
    const annualSentence = isAnnualSentence(doc, s)
    for (const hit of findAmounts(text)) {
      if (hit.reading.pence === null) continue
      const after = text.slice(hit.end, hit.end + 300)
      const afterOther = found.some((c) => c.source.line >= sentence.parts[0]!.line)
      const name = contributorOf(doc, s, hit, context, afterOther)
      if (!name || /^(?:The|This|That|It)$/.test(name)) continue
      const organisation = isOfficeName(name) && context.office ? context.office : resolveOrg(name, context)
      found.push({
        organisation,
        amount: hit.reading.pence,
        perAnnum: hit.reading.perAnnum || (annualSentence && !/^\s*in\s+total/i.test(after)),
        upTo: hit.reading.upTo,
        source: { line: lineAt(sentence, hit.start), text: doc.lines[lineAt(sentence, hit.start) - 1]!.raw.trim() },
      })
    }
  }
  return found
}

/** A sentence that gives yearly money, or the shares of a yearly cost the sentence before it gives. */
function isAnnualSentence(doc: Doc, s: number): boolean {
  const sentence = doc.sentences[s]!
  const text = sentence.text
  // "The service will cost £1.85m per annum. The contributions are: …": the shares of a yearly cost are yearly
  const previous = doc.sentences[s - 1]
  const sharesOfAnnual =
    previous !== undefined &&
    /^(?:the\s+)?(?:partners'?\s+)?(?:contributions|shares|split)\b/i.test(text) &&
    ANNUAL.test(previous.text) &&
    sentence.parts[0]!.line - previous.parts.at(-1)!.line <= 1
  return ANNUAL.test(text) || sharesOfAnnual
}

/**
 * The partner an amount in the s-th sentence comes from, by the words around it. `afterOther`: the sentence
 * already gave a contribution, so a partner may follow without its verb.
 */
function contributorOf(doc: Doc, s: number, hit: AmountHit, context: OrgContext, afterOther: boolean): string | null {
  const text = doc.sentences[s]!.text
  const before = text.slice(Math.max(0, hit.start - 220), hit.start)
  const after = text.slice(hit.end, hit.end + 300)
  let name = partnerNamedBy(text, hit, before, after, doc.sentences[s - 1]?.text ?? '')
  if (
    !name &&
    UNOWNED_TO.test(before) &&
    /\bto\s+(?:the\s+)?[A-Z]/.test(after) &&
    context.office &&
    mentionsOffice(text)
  )
    name = context.office
  if (!name && afterOther) name = elidedPartner(before)
  if (!name && /\bshared\b|:/.test(text.slice(0, hit.start))) name = listedPartner(before)
  return name
}

/** "£60,000 from Wirral Council", "the Council will contribute £250,000", "the ICB's contribution of £40,000". */
function partnerNamedBy(
  text: string,
  hit: AmountHit,
  before: string,
  after: string,
  previousText: string,
): string | null {
  let name: string | null = null
  const from = FROM_ORG.exec(after)
  if (from) name = orgAt(after.slice(from[0].length))
  if (name && /\b(?:Fund|Grant|Budget|Funding)$/i.test(name)) name = null
  if (!name) {
    const verb = ORG_VERB.exec(before)
    if (verb) {
      name = /^(?:them|they|it)$/i.test(verb[1]!.trim())
        ? (lastOrgBefore(text.slice(Math.max(0, hit.start - 600), hit.start - verb[0].length + verb[1]!.length)) ??
          lastOrgBefore(previousText))
        : orgAt(verb[1]!)
    }
  }
  if (!name) {
    const owned = OWNED.exec(before)
    if (owned) name = orgAt(owned[1]!)
  }
  return name
}

/** "the SCO contributes £1,015,483 and Stoke City Council £544,997": the verb is not repeated. */
function elidedPartner(before: string): string | null {
  const elided =
    /(?:[,;]|\band)\s+((?:the\s+)?[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|of|and|&|for|upon|on)){0,8})\s*$/.exec(before)
  if (
    elided &&
    /\b(?:Council|Authority|Office|Commissioner|Trust|Board|Partnership|CCG|ICB|O?PF?CC|[A-Z]{2,5})$/.test(
      elided[1]!.trim(),
    )
  )
    return orgAt(elided[1]!)
  return null
}

/** "The annual value is shared: Wirral Council £250,000 and the Office of the PCC for Merseyside £60,000". */
function listedPartner(before: string): string | null {
  const listed =
    /(?:[:;,]\s*|\band\s+)((?:the\s+)?[A-Z][\w'&.-]*(?:\s+(?:[A-Z][\w'&.-]*|of|and|&|for|upon|on|the)){0,10})\s*$/.exec(
      before,
    )
  if (listed && /\b(?:Council|Authority|Office|Commissioner|Trust|Board|NHS|CCG|ICB|O?PF?CC)\b/.test(listed[1]!)) {
    const whole = listed[1]!.replace(/^the\s+/i, '').trim()
    const short = orgAt(listed[1]!)
    return short && short.length * 2 >= whole.length ? short : whole
  }
  return null
}

function mentionsOffice(text: string): boolean {
  return /\bO?PF?CC\b|crime\s+commissioner|\bcommissioner\b/i.test(text)
}

export function contributionsFromTables(doc: Doc, tables: Table[], context: OrgContext): ContributionDraft[] {
  const found: ContributionDraft[] = []
  for (const table of tables) {
    if (!isContributionTable(table)) continue
    const annual = ANNUAL.test(`${table.caption} ${table.header?.cells.join(' ') ?? ''}`)
    for (const row of table.rows) {
      const cells = row.amounts.filter(
        (cell) => table.columns[cell.column]?.kind !== 'total' && cell.reading.pence !== null,
      )
      const organisation = resolveOrg(row.label, context)
      if (!organisation) continue
      const periods = cells.map((cell) => cellPeriod(table, row, cell))
      const sameEveryYear =
        cells.length > 1 &&
        periods.every(Boolean) &&
        cells.every((cell) => cell.reading.pence === cells[0]!.reading.pence)
      const chosen = sameEveryYear ? cells.slice(0, 1) : cells
      for (const cell of chosen) {
        found.push({
          organisation,
          amount: cell.reading.pence!,
          perAnnum: annual || sameEveryYear || cell.reading.perAnnum,
          upTo: cell.reading.upTo,
          source: { line: row.line.no, text: row.line.raw.trim() },
        })
      }
    }
  }
  return found
}

/** One contribution per partner and amount; a restatement can add "per annum" or "up to" but never removes them. */
export function dedupeContributions(contributions: ContributionDraft[]): ContributionDraft[] {
  const byKey = new Map<string, ContributionDraft>()
  for (const c of contributions) {
    const key = `${c.organisation.toLowerCase()}|${c.amount}`
    const existing = byKey.get(key)
    if (!existing) byKey.set(key, { ...c })
    else {
      existing.perAnnum ||= c.perAnnum
      existing.upTo ||= c.upTo
    }
  }
  return [...byKey.values()]
}
