/** How the benchmark's parts time what they do and report a figure. */

/** Prints one figure of the benchmark (see bench/run.ts). */
export type Report = (metric: string, value: number) => void

/** The `p`th percentile of the samples: the smallest sample at least `p`% of them do not exceed. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** How long `fn` took, in milliseconds. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint()
  await fn()
  return Number(process.hrtime.bigint() - start) / 1e6
}
