import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { corpusDir, evalSet, runEval, runEvalFormat } from '../../../scripts/eval.ts'

// The score on the labelled development corpus (../shared/dev-corpus or $DEV_CORPUS) may rise but never fall.
// Raise these floors when the importer gets better.
const FLOOR = { fields: 0.98, awardsF1: 0.97, contributionsF1: 0.97, areasF1: 0.97, falseAlarms: 0, realFlagged: 1 }

test('the development corpus score stays at or above its floor', { timeout: 120_000 }, (t) => {
  const dir = corpusDir()
  if (!existsSync(path.join(dir, 'docs')) || !existsSync(path.join(dir, 'tools', 'score.py')))
    return t.skip(`no development corpus at ${dir} (set DEV_CORPUS to run this test)`)
  if (spawnSync('python3', ['--version']).error)
    return t.skip('python3 is not installed, so the corpus scorer cannot run')
  const result = runEval(dir)
  assert.ok(result.fields >= FLOOR.fields, `fields ${result.fields} fell below ${FLOOR.fields}\n${result.output}`)
  assert.ok(
    result.awardsF1 >= FLOOR.awardsF1,
    `awards F1 ${result.awardsF1} fell below ${FLOOR.awardsF1}\n${result.output}`,
  )
  assert.ok(
    result.contributionsF1 >= FLOOR.contributionsF1,
    `contributions F1 ${result.contributionsF1} fell below ${FLOOR.contributionsF1}`,
  )
  assert.ok(result.areasF1 >= FLOOR.areasF1, `areas F1 ${result.areasF1} fell below ${FLOOR.areasF1}`)
  assert.ok(result.detection.fp <= FLOOR.falseAlarms, `false inconsistency alarms: ${result.detection.fp}`)
  assert.ok(result.detection.tp >= FLOOR.realFlagged, `real inconsistencies flagged: ${result.detection.tp}`)
})

test('the Word version of the development corpus scores as its text does', { timeout: 180_000 }, async (t) => {
  const dir = corpusDir()
  if (!existsSync(path.join(dir, 'docs')) || !existsSync(path.join(dir, 'tools', 'score.py')))
    return t.skip(`no development corpus at ${dir} (set DEV_CORPUS to run this test)`)
  if (spawnSync('python3', ['--version']).error)
    return t.skip('python3 is not installed, so the corpus scorer cannot run')
  const [text, word] = [runEval(dir), await runEvalFormat(dir, 'docx')]
  assert.ok(word.fields >= text.fields, `Word fields ${word.fields} < text ${text.fields}\n${word.output}`)
  assert.ok(word.awardsF1 >= text.awardsF1, `Word awards F1 ${word.awardsF1} < text ${text.awardsF1}`)
  assert.ok(word.contributionsF1 >= text.contributionsF1, `Word contributions F1 ${word.contributionsF1}`)
  assert.ok(word.areasF1 >= text.areasF1, `Word areas F1 ${word.areasF1} < text ${text.areasF1}`)
})

test('the held-out documents (fixtures/held-out) score at or above their floor', { timeout: 120_000 }, (t) => {
  const dir = corpusDir()
  if (!existsSync(path.join(dir, 'tools', 'score.py')))
    return t.skip(`no corpus scorer at ${dir} (set DEV_CORPUS to run this test)`)
  if (spawnSync('python3', ['--version']).error)
    return t.skip('python3 is not installed, so the corpus scorer cannot run')
  const result = runEval(evalSet(dir, true))
  assert.ok(result.fields >= 0.95, `held-out fields ${result.fields}\n${result.output}`)
  assert.ok(result.awardsF1 >= 0.95, `held-out awards F1 ${result.awardsF1}\n${result.output}`)
  assert.ok(result.contributionsF1 >= 0.9, `held-out contributions F1 ${result.contributionsF1}`)
  assert.ok(result.areasF1 >= 0.9, `held-out areas F1 ${result.areasF1}`)
  assert.equal(result.detection.fp, 0, 'no false inconsistency alarms on the held-out documents')
  assert.ok(result.detection.tp >= 1, 'the held-out total mismatch is flagged')
})
