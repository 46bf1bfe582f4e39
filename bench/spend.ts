/**
 * Spending import: `spend_import_rows_per_s`, a generated file of 100,000 payments (the common published layout,
 * about a third to the office's award recipients so that matching has work to do) imported into one office,
 * `spend_import_s`, the seconds it took (target under 60 on the embedded engine), and `spend_import_cpu_s`, the
 * processor time it used (the same on an idle machine; less than the wall time on a busy one), and
 * `spend_import_load_1m`, the one-minute load average when it finished. Run on its own with
 * `tsx bench/spend.ts [rows]` (a fresh embedded database with the demonstration data).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Database } from '../src/db/database.ts'
import { migrateToLatest } from '../src/db/migrate.ts'
import { loadDemonstrationData } from '../src/services/demo/load.ts'
import { services, type Services } from '../src/services/index.ts'
import { randomSequence } from './generate.ts'
import type { Report } from './measure.ts'

const OTHER_SUPPLIERS = [
  'Acme Print Ltd',
  'Northern Fleet Services',
  'Midshires Energy',
  'Civic Catering',
  'Redacted personal data',
]
const EXPENSE_TYPES = ['Grants to voluntary bodies', 'Printing', 'Vehicle hire', 'Energy', 'Catering', 'Consultancy']

/** A spending file of `rows` payments from April 2013 to March 2026, in the common published layout. */
export function spendFile(rows: number, recipients: readonly string[], seed = 17): string {
  const random = randomSequence(seed)
  const lines = ['Date,Supplier,Amount,Expense Type,Transaction Number']
  const start = Date.UTC(2013, 3, 1)
  const days = 13 * 365
  for (let i = 0; i < rows; i++) {
    const date = new Date(start + Math.floor(random() * days) * 86_400_000)
    const day = `${String(date.getUTCDate()).padStart(2, '0')}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${date.getUTCFullYear()}`
    const supplier =
      random() < 0.35 && recipients.length
        ? recipients[Math.floor(random() * recipients.length)]!
        : OTHER_SUPPLIERS[Math.floor(random() * OTHER_SUPPLIERS.length)]!
    const pence = 50_001 + Math.floor(random() * 5_000_000)
    const amount = `"£${Math.trunc(pence / 100).toLocaleString('en-GB')}.${String(pence % 100).padStart(2, '0')}"`
    const expense = EXPENSE_TYPES[Math.floor(random() * EXPENSE_TYPES.length)]!
    lines.push(`${day},"${supplier.replace(/"/g, '""')}",${amount},${expense},TX${String(i).padStart(7, '0')}`)
  }
  return `${lines.join('\n')}\n`
}

export async function benchSpend(app: Services, report: Report, rows = 100_000): Promise<void> {
  const office = await app.database.db
    .selectFrom('decisions as d')
    .innerJoin('awards as a', 'a.decision_id', 'd.id')
    .select(['d.office_id as id', (eb) => eb.fn.countAll().as('awards')])
    .groupBy('d.office_id')
    .orderBy('awards', 'desc')
    .executeTakeFirstOrThrow()
  const recipients = await app.database.db
    .selectFrom('awards as a')
    .innerJoin('decisions as d', 'd.id', 'a.decision_id')
    .select('a.recipient_name')
    .distinct()
    .where('d.office_id', '=', office.id)
    .limit(50)
    .execute()
  const text = spendFile(
    rows,
    recipients.map((r) => r.recipient_name),
  )
  const start = process.hrtime.bigint()
  const cpu = process.cpuUsage()
  const result = await app.spending.import(
    { officeId: office.id, fileName: 'bench-spend.csv', text },
    { userId: null, label: 'bench' },
  )
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const used = process.cpuUsage(cpu)
  if (result.status !== 'imported' || result.added !== rows)
    throw new Error(`The spending bench imported ${JSON.stringify(result)}`)
  report('spend_import_s', seconds)
  // The embedded engine runs in this process, so its processor time is the import's whole cost on an idle machine.
  report('spend_import_cpu_s', (used.user + used.system) / 1e6)
  report('spend_import_rows_per_s', rows / seconds)
  report('spend_import_matched_share', result.matched / rows)
  // The machine's load when it finished: the wall time means little without it on a shared machine.
  report('spend_import_load_1m', loadavg()[0]!)
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const rows = Number(process.argv[2] ?? 100_000)
  const dir = mkdtempSync(join(tmpdir(), 'cr-bench-spend-'))
  const database = await Database.open({ dataDir: dir })
  try {
    await migrateToLatest(database)
    await loadDemonstrationData(database)
    await benchSpend(
      services(database),
      (metric, value) =>
        console.log(JSON.stringify({ engine: 'pglite', metric, rows, value: Math.round(value * 100) / 100 })),
      rows,
    )
  } finally {
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}
