#!/usr/bin/env -S node --import tsx
/**
 * `npm run eval [-- CORPUS_DIR] [-- --verbose]`: runs the project's `extract --json` over a labelled
 * development corpus (its `docs/` folder) and prints the figures of the corpus's own scorer
 * (`tools/score.py`, run with python3) for the extracted records against its `gold/` labels.
 *
 * The corpus is found at the first argument, else $DEV_CORPUS, else ../shared/dev-corpus beside the
 * repository. Nothing of the corpus is copied into the project. Exits with the scorer's status (0 when
 * its goals are met) or 2 when the corpus or python3 is missing.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')

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

/** Extracts every document of the corpus with the CLI and scores the result. */
export function runEval(dir: string, scorerArgs: string[] = []): EvalResult {
  const docs = join(dir, 'docs')
  const files = readdirSync(docs).filter((name) => !name.startsWith('.')).sort().map((name) => join(docs, name))
  const extracted = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'src', 'cli', 'main.ts'), 'extract', ...files, '--json'], {
    cwd: repo,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  if (extracted.status !== 0 && !extracted.stdout.trim()) throw new Error(`extract failed: ${extracted.stderr}`)
  const work = mkdtempSync(join(tmpdir(), 'register-eval-'))
  try {
    const out = join(work, 'extracted.json')
    writeFileSync(out, extracted.stdout)
    const scored = spawnSync('python3', [join(dir, 'tools', 'score.py'), join(dir, 'gold'), out, ...scorerArgs], { encoding: 'utf8' })
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

function main(): void {
  const args = process.argv.slice(2)
  const dir = corpusDir(args.find((a) => !a.startsWith('--')))
  if (!existsSync(join(dir, 'docs')) || !existsSync(join(dir, 'tools', 'score.py'))) {
    process.stderr.write(`no development corpus at ${dir} (give its folder as an argument or in DEV_CORPUS)\n`)
    process.exit(2)
  }
  if (spawnSync('python3', ['--version']).error) {
    process.stderr.write('python3 is needed to run the corpus scorer\n')
    process.exit(2)
  }
  const result = runEval(dir, args.filter((a) => a.startsWith('--')))
  process.stdout.write(`corpus: ${dir}\n${result.output}`)
  process.exitCode = result.status
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main()
