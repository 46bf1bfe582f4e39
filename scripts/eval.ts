#!/usr/bin/env -S node --import tsx
/**
 * `npm run eval [-- CORPUS_DIR] [-- --verbose] [-- --formats text,pdf,docx]`: runs the project's `extract --json` over a labelled
 * development corpus (its `docs/` folder) and prints the figures of the corpus's own scorer
 * (`tools/score.py`, run with python3) for the extracted records against its `gold/` labels.
 *
 * The corpus is found at the first argument, else $DEV_CORPUS, else ../shared/dev-corpus beside the
 * repository. Nothing of the corpus is copied into the project. Exits with the scorer's status (0 when
 * its goals are met) or 2 when the corpus or python3 is missing.
 *
 * After the corpus's figures it prints the learning figure (scripts/eval-learning.ts): the share of scalar
 * fields right on a series of one layout before any confirmation and after two are corrected and confirmed.
 * `--learning` prints only that figure (no corpus needed).
 *
 * `--held-out` scores the project's own held-out documents (fixtures/held-out: docs/ and gold/, written in
 * other offices' layouts) with the same scorer instead, to measure how the rules do on documents they were
 * not written from.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { renderDocx, renderPdf } from './generate-fixture-binaries.ts'
import { learningReport, runLearningEval } from './eval-learning.ts'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** The project's own held-out set: documents and gold labels in the corpus's layout, scored with its scorer. */
export const HELD_OUT_DIR = join(repo, 'fixtures', 'held-out')

/** Where the documents and labels are, and where the scorer is (the development corpus's tools/score.py). */
export interface EvalSet {
  docs: string
  gold: string
  scorer: string
}

export function evalSet(corpus: string, heldOut = false): EvalSet {
  const base = heldOut ? HELD_OUT_DIR : corpus
  return { docs: join(base, 'docs'), gold: join(base, 'gold'), scorer: join(corpus, 'tools', 'score.py') }
}

export function corpusDir(argument?: string): string {
  return resolve(argument ?? process.env.DEV_CORPUS ?? join(repo, '..', 'shared', 'dev-corpus'))
}

export interface EvalResult {
  /** The scorer's report as it printed it. */
  output: string
  status: number
  /** Share of scalar fields right, 0..1. */
  fields: number
  awardsF1: number
  contributionsF1: number
  areasF1: number
  detection: { tp: number; fn: number; fp: number; tn: number }
}

export const FORMATS = ['text', 'pdf', 'docx'] as const
export type Format = (typeof FORMATS)[number]

function corpusFiles(dir: string | EvalSet): string[] {
  const docs = typeof dir === 'string' ? join(dir, 'docs') : dir.docs
  return readdirSync(docs)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .map((name) => join(docs, name))
}

/** Extracts every document of the corpus with the CLI and scores the result. */
export function runEval(
  dir: string | EvalSet,
  scorerArgs: string[] = [],
  files: string[] = corpusFiles(dir),
): EvalResult {
  const set = typeof dir === 'string' ? evalSet(dir) : dir
  const extracted = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(repo, 'src', 'cli', 'main.ts'), 'extract', ...files, '--json'],
    {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  )
  if (extracted.status !== 0 && !extracted.stdout.trim()) throw new Error(`extract failed: ${extracted.stderr}`)
  const work = mkdtempSync(join(tmpdir(), 'register-eval-'))
  try {
    const out = join(work, 'extracted.json')
    writeFileSync(out, extracted.stdout)
    const scored = spawnSync('python3', [set.scorer, set.gold, out, ...scorerArgs], {
      encoding: 'utf8',
    })
    if (scored.error) throw scored.error
    const output = `${scored.stdout}${scored.stderr}`
    const fields = /^fields ([\d.]+)%/m.exec(output)
    const f1 = /awards P=[\d.]+ R=[\d.]+ F1=([\d.]+); contributions F1=([\d.]+); areas F1=([\d.]+)/.exec(output)
    const det = /inconsistency detection: \{'tp': (\d+), 'fn': (\d+), 'fp': (\d+), 'tn': (\d+)\}/.exec(output)
    if (!fields || !f1 || !det) throw new Error(`the scorer's output was not understood:\n${output}`)
    return {
      output,
      status: scored.status ?? 1,
      fields: Number(fields[1]) / 100,
      awardsF1: Number(f1[1]),
      contributionsF1: Number(f1[2]),
      areasF1: Number(f1[3]),
      detection: { tp: Number(det[1]), fn: Number(det[2]), fp: Number(det[3]), tn: Number(det[4]) },
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/**
 * The same corpus as another format: each text printed to a PDF (TAB-separated rows laid out as
 * columns) or written as a Word file (TAB-separated rows as real Word tables) in a temporary folder,
 * then extracted and scored like the text.
 */
export async function runEvalFormat(
  dir: string | EvalSet,
  format: Format,
  scorerArgs: string[] = [],
): Promise<EvalResult> {
  if (format === 'text') return runEval(dir, scorerArgs)
  const work = mkdtempSync(join(tmpdir(), `register-eval-${format}-`))
  try {
    const files: string[] = []
    for (const file of corpusFiles(dir)) {
      const text = readFileSync(file, 'utf8')
      const out = join(work, basename(file).replace(/\.[^.]+$/, `.${format}`))
      writeFileSync(out, format === 'pdf' ? await renderPdf(text) : await renderDocx(text))
      files.push(out)
    }
    return runEval(dir, scorerArgs, files)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args.includes('--learning')) {
    process.stdout.write(`${learningReport(runLearningEval())}\n`)
    return
  }
  const formatArg =
    args.find((a) => a.startsWith('--formats='))?.slice('--formats='.length) ??
    (args.includes('--formats') ? args[args.indexOf('--formats') + 1] : undefined)
  const formats = (formatArg ?? 'text')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean)
  for (const format of formats) {
    if (!(FORMATS as readonly string[]).includes(format)) {
      process.stderr.write(`unknown format ${format} (formats: ${FORMATS.join(', ')})\n`)
      process.exit(2)
    }
  }
  const dir = corpusDir(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--formats'))
  if (!existsSync(join(dir, 'docs')) || !existsSync(join(dir, 'tools', 'score.py'))) {
    process.stderr.write(`no development corpus at ${dir} (give its folder as an argument or in DEV_CORPUS)\n`)
    process.exit(2)
  }
  if (spawnSync('python3', ['--version']).error) {
    process.stderr.write('python3 is needed to run the corpus scorer\n')
    process.exit(2)
  }
  const heldOut = args.includes('--held-out')
  const scorerArgs = args.filter(
    (a) => a.startsWith('--') && !a.startsWith('--formats') && a !== '--held-out' && a !== '--learning',
  )
  const set = evalSet(dir, heldOut)
  process.stdout.write(heldOut ? `held-out set: ${HELD_OUT_DIR} (scorer of ${dir})\n` : `corpus: ${dir}\n`)
  const summary: string[] = []
  let status = 0
  for (const format of formats as Format[]) {
    const started = performance.now()
    const result = await runEvalFormat(set, format, scorerArgs)
    const seconds = (performance.now() - started) / 1000
    if (formats.length > 1) process.stdout.write(`\n== ${format} ==\n`)
    process.stdout.write(result.output)
    summary.push(
      `${format.padEnd(5)} fields ${(result.fields * 100).toFixed(1)}%  awards F1 ${result.awardsF1.toFixed(2)}  contributions F1 ${result.contributionsF1.toFixed(2)}  areas F1 ${result.areasF1.toFixed(2)}  inconsistencies tp ${result.detection.tp} fn ${result.detection.fn} fp ${result.detection.fp}  (${seconds.toFixed(1)} s)`,
    )
    status ||= result.status
  }
  if (formats.length > 1) process.stdout.write(`\nper format:\n${summary.join('\n')}\n`)
  process.stdout.write(`\n${learningReport(runLearningEval())}\n`)
  process.exitCode = status
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main()
