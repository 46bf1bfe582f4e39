/**
 * The learning figure of `npm run eval`: on a series of documents of one layout that the generic extractor
 * partly misreads (test/fixtures/layout-series, with its labels in gold.json), the share of scalar fields
 * right before any confirmation, and after the first two documents have been corrected and confirmed (on the
 * remaining documents). The rules are learned and applied by the same functions the import and the review
 * use (src/services/imports/layout-learning.ts); the database part of that path is tested in
 * test/integration/services/imports/layout-learning.test.ts.
 */
import { readFileSync } from 'node:fs'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { extractFromText } from '../src/extract/index.ts'
import { LEARNED_FIELDS, layoutFingerprint, type LayoutRule, type LearnedField } from '../src/extract/layout-rules.ts'
import { fallbackTitle } from '../src/services/imports/draft.ts'
import { applyLearnedRules, rulesFromCorrections, type ScalarValues } from '../src/services/imports/layout-learning.ts'

export const LAYOUT_SERIES_DIR = join(
  resolve(dirname(fileURLToPath(import.meta.url)), '..'),
  'test',
  'fixtures',
  'layout-series',
)

interface GoldDocument extends ScalarValues {
  file: string
}

export interface LearningResult {
  documents: number
  confirmed: number
  /** Fields right with no rules, over every document of the series. */
  before: { right: number; of: number }
  /** Fields right with no rules, over the documents after the confirmed ones. */
  beforeRemaining: { right: number; of: number }
  /** Fields right with the rules learned from the confirmed documents, over the remaining ones. */
  after: { right: number; of: number }
  /** Per remaining document, the fields still wrong after learning. */
  wrongAfter: Array<{ file: string; fields: LearnedField[] }>
}

/** The scalar values the import would store for a document, with the rules given applied first. */
function importedValues(
  text: string,
  file: string,
  rules: Array<{ field: LearnedField; rule: LayoutRule; learnedAt: Date }>,
): { text: string; values: ScalarValues } {
  const extraction = extractFromText(text, file)
  const { draft } = applyLearnedRules(extraction.text, extraction.draft, extraction.record, rules)
  return {
    text: extraction.text,
    values: {
      kind: draft.kind,
      reference: draft.reference,
      title: fallbackTitle(draft, file),
      decision_date: draft.decisionDate,
      total_amount: draft.totalAmount,
    },
  }
}

const norm = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : v)
const wrongFields = (values: ScalarValues, gold: ScalarValues) =>
  LEARNED_FIELDS.filter((f) => norm(values[f]) !== norm(gold[f]))

export function runLearningEval(dir = LAYOUT_SERIES_DIR, confirmedCount = 2): LearningResult {
  const gold = (JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as { documents: GoldDocument[] }).documents
  const fields = LEARNED_FIELDS.length
  const rules = new Map<string, Map<LearnedField, LayoutRule>>()
  const rulesOf = (fingerprint: string) =>
    [...(rules.get(fingerprint) ?? new Map<LearnedField, LayoutRule>())].map(([field, rule]) => ({
      field,
      rule,
      learnedAt: new Date(0),
    }))
  let beforeRight = 0
  let beforeRemainingRight = 0
  let afterRight = 0
  const wrongAfter: LearningResult['wrongAfter'] = []
  for (const [i, doc] of gold.entries()) {
    const raw = readFileSync(join(dir, doc.file), 'utf8')
    const generic = importedValues(raw, doc.file, [])
    const genericRight = fields - wrongFields(generic.values, doc).length
    beforeRight += genericRight
    const fingerprint = layoutFingerprint(generic.text)
    if (i < confirmedCount) {
      // The reviewer corrects what the import (with what is learned so far) got wrong, and confirms.
      const imported = importedValues(raw, doc.file, rulesOf(fingerprint))
      const learned = rulesFromCorrections(imported.text, imported.values, doc)
      const layout = rules.get(fingerprint) ?? new Map<LearnedField, LayoutRule>()
      for (const { field, rule } of learned) layout.set(field, rule)
      rules.set(fingerprint, layout)
      continue
    }
    beforeRemainingRight += genericRight
    const wrong = wrongFields(importedValues(raw, doc.file, rulesOf(fingerprint)).values, doc)
    afterRight += fields - wrong.length
    if (wrong.length) wrongAfter.push({ file: doc.file, fields: wrong })
  }
  const remaining = Math.max(gold.length - confirmedCount, 0)
  return {
    documents: gold.length,
    confirmed: Math.min(confirmedCount, gold.length),
    before: { right: beforeRight, of: gold.length * fields },
    beforeRemaining: { right: beforeRemainingRight, of: remaining * fields },
    after: { right: afterRight, of: remaining * fields },
    wrongAfter,
  }
}

const pct = ({ right, of }: { right: number; of: number }) =>
  `${of ? ((right / of) * 100).toFixed(1) : '0.0'}% (${right}/${of})`

export function learningReport(result: LearningResult): string {
  return [
    `learning by layout: ${result.documents} documents of one layout (${LEARNED_FIELDS.join(', ')})`,
    `  before any confirmation: ${pct(result.before)} of scalar fields right; on the last ${result.documents - result.confirmed}: ${pct(result.beforeRemaining)}`,
    `  after ${result.confirmed} corrected and confirmed, on the remaining ${result.documents - result.confirmed}: ${pct(result.after)}`,
    ...result.wrongAfter.map((w) => `  still wrong in ${w.file}: ${w.fields.join(', ')}`),
  ].join('\n')
}
