/**
 * Learning from reviewers by layout (see src/extract/layout-rules.ts for what a rule is). When a record is
 * confirmed, each scalar value the reviewer corrected becomes a rule for the office's layout, kept in
 * `layout_rules` with an audit entry; when a document of the same office and layout is imported, the rules
 * read their fields before the generic extractor's choice, and the review page says which values they read.
 */
import type { Transaction } from 'kysely'
import type { DB } from '../../db/tables/index.ts'
import type { DecisionKind } from '../../domain/decision.ts'
import type { ExtractedDraft, ExtractedRecord } from '../../extract/index.ts'
import {
  LEARNED_FIELDS,
  applyRule,
  describeRule,
  isLayoutRule,
  layoutFingerprint,
  learnRule,
  type LayoutRule,
  type LearnedField,
  type LearnedValue,
} from '../../extract/layout-rules.ts'
import type { Actor, AuditService } from '../audit/audit.ts'

/** The scalar values of a record, as the register holds them (an ISO date, pence). */
export type ScalarValues = Record<LearnedField, LearnedValue | null>

/** A value read by a learned rule: when it was learned and how it reads. */
export interface LearnedMark {
  on: string
  rule: string
}

/** The extraction as stored with an imported document, with the fields learned rules read. */
export type LearnedRecord = ExtractedRecord & { learned?: Partial<Record<LearnedField, LearnedMark>> }

export interface StoredRule {
  field: LearnedField
  rule: LayoutRule
  learnedAt: Date
}

/** The rules learned for the layout of a document of the office (none asked for when the office has none). */
export async function rulesFor(trx: Transaction<DB>, officeId: number, text: string): Promise<StoredRule[]> {
  const any = await trx.selectFrom('layout_rules').select('id').where('office_id', '=', officeId).executeTakeFirst()
  if (!any) return []
  const rows = await trx
    .selectFrom('layout_rules')
    .select(['field', 'rule', 'learned_at'])
    .where('office_id', '=', officeId)
    .where('fingerprint', '=', layoutFingerprint(text))
    .execute()
  return rows.flatMap((r) =>
    (LEARNED_FIELDS as readonly string[]).includes(r.field) && isLayoutRule(r.rule)
      ? [{ field: r.field as LearnedField, rule: r.rule, learnedAt: new Date(r.learned_at) }]
      : [],
  )
}

/**
 * The draft and record with each field a rule reads replaced by what it reads, its provenance the rule's
 * line, and the record marked with when each was learned. Fields a rule cannot read keep the extractor's value.
 */
export function applyLearnedRules(
  text: string,
  draft: ExtractedDraft,
  record: ExtractedRecord,
  rules: Array<{ field: LearnedField; rule: LayoutRule; learnedAt: Date }>,
): { draft: ExtractedDraft; record: LearnedRecord; applied: LearnedField[] } {
  const nextDraft: ExtractedDraft = { ...draft, provenance: { ...draft.provenance } }
  const nextRecord: LearnedRecord = { ...record, provenance: { ...record.provenance }, learned: {} }
  const applied: LearnedField[] = []
  for (const { field, rule, learnedAt } of rules) {
    const reading = applyRule(text, field, rule)
    if (!reading) continue
    applied.push(field)
    nextRecord.learned![field] = { on: learnedAt.toISOString(), rule: describeRule(rule) }
    if (reading.line) {
      const source = { line: reading.line, text: reading.text }
      nextDraft.provenance[field] = source
      nextRecord.provenance[field] = source
    }
    switch (field) {
      case 'kind':
        // A learned kind may be one the extractor never gives ("information"); the record keeps it as learned.
        nextDraft.kind = reading.value as ExtractedDraft['kind']
        nextRecord.kind = reading.value as ExtractedRecord['kind']
        break
      case 'reference':
        nextDraft.reference = nextRecord.reference = String(reading.value)
        break
      case 'title':
        nextDraft.title = nextRecord.title = String(reading.value)
        break
      case 'decision_date':
        nextDraft.decisionDate = nextRecord.decision_date = String(reading.value)
        break
      case 'total_amount':
        nextDraft.totalAmount = Number(reading.value)
        nextRecord.total_amount = Number(reading.value) / 100
        break
    }
  }
  if (!applied.length) delete nextRecord.learned
  return { draft: nextDraft, record: nextRecord, applied }
}

/** The fields whose confirmed value differs from the imported one, each with the rule that reads the confirmed value from the text. */
export function rulesFromCorrections(
  text: string,
  imported: ScalarValues,
  confirmed: ScalarValues,
): Array<{ field: LearnedField; rule: LayoutRule }> {
  const rules: Array<{ field: LearnedField; rule: LayoutRule }> = []
  for (const field of LEARNED_FIELDS) {
    const value = confirmed[field]
    if (value === null || value === '' || sameValue(imported[field], value)) continue
    const rule = learnRule(text, field, value)
    if (rule) rules.push({ field, rule })
  }
  return rules
}

const sameValue = (a: LearnedValue | null, b: LearnedValue | null) =>
  typeof a === 'string' && typeof b === 'string'
    ? a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase()
    : a === b

/**
 * Keeps the rules learned from a confirmed record's corrections (a later correction of the same field of the
 * same layout replaces the earlier rule), with an audit entry naming the fields and how each rule reads.
 */
export async function learnLayoutRules(
  trx: Transaction<DB>,
  audit: AuditService,
  input: {
    officeId: number
    decisionId: number
    text: string
    imported: ScalarValues
    confirmed: ScalarValues
    actor: Actor
  },
): Promise<Array<{ field: LearnedField; rule: LayoutRule }>> {
  if (!input.text.trim()) return []
  const rules = rulesFromCorrections(input.text, input.imported, input.confirmed)
  if (!rules.length) return rules
  const fingerprint = layoutFingerprint(input.text)
  for (const { field, rule } of rules)
    await trx
      .insertInto('layout_rules')
      .values({
        office_id: input.officeId,
        fingerprint,
        field,
        rule: JSON.stringify(rule),
        learned_from_decision_id: input.decisionId,
        learned_by: input.actor.userId,
      })
      .onConflict((oc) =>
        oc.columns(['office_id', 'fingerprint', 'field']).doUpdateSet({
          rule: JSON.stringify(rule),
          learned_from_decision_id: input.decisionId,
          learned_by: input.actor.userId,
          learned_at: new Date(),
        }),
      )
      .execute()
  await audit.recordChange(trx, input.actor, 'import.learn_layout', ['decision', input.decisionId], {
    after: {
      officeId: input.officeId,
      fingerprint,
      rules: rules.map(({ field, rule }) => ({ field, rule, reads: describeRule(rule) })),
    },
  })
  return rules
}

/** A decision row's scalar values in the rules' terms. */
export function scalarValues(row: {
  kind: DecisionKind | string
  reference: string | null
  title: string | null
  date_decided: string | Date | null
  stated_total_pence: number | string | null
}): ScalarValues {
  const date = row.date_decided
  return {
    kind: row.kind,
    reference: row.reference,
    title: row.title,
    decision_date: date === null ? null : date instanceof Date ? date.toISOString().slice(0, 10) : String(date),
    total_amount: row.stated_total_pence === null ? null : Number(row.stated_total_pence),
  }
}
