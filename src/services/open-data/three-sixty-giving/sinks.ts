import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { Stringifier } from 'csv-stringify'
import { safeCsvStringifier } from '../csv.ts'
import { penceToDecimalString } from '../../../domain/money.ts'
import type { Grant } from './grant.ts'

/** Where validated grants go, one at a time, with back-pressure respected. */
export interface GrantSink {
  start(metadata: Record<string, unknown>): Promise<void>
  write(grant: Grant): Promise<void>
  end(): Promise<void>
}

async function put(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain')
}

/** A 360Giving JSON data package, written as it goes: the metadata, then the grants array. */
export class JsonPackageSink implements GrantSink {
  private count = 0
  constructor(private readonly out: Writable) {}

  async start(metadata: Record<string, unknown>): Promise<void> {
    const head = JSON.stringify(metadata, null, 2)
    await put(this.out, `${head.slice(0, -2)},\n  "grants": [\n`)
  }

  async write(grant: Grant): Promise<void> {
    await put(this.out, `${this.count++ ? ',\n' : ''}    ${JSON.stringify(grant)}`)
  }

  async end(): Promise<void> {
    await put(this.out, '\n  ]\n}\n')
  }
}

type Column = [title: string, value: (g: Grant) => unknown]

const first = (list: unknown, index = 0): Record<string, unknown> =>
  (list as Array<Record<string, unknown>> | undefined)?.[index] ?? {}

/**
 * The 360Giving spreadsheet layout (the standard's column titles, one row per grant). Beneficiary locations
 * get numbered columns when an award can have more than one.
 */
export class CsvSink implements GrantSink {
  private readonly csv: Stringifier
  private readonly columns: Column[]

  constructor(out: Writable, locationSlots: number) {
    const location = (slot: number, title: string, key: string): Column => [
      locationSlots > 1 ? `Beneficiary Location:${slot}:${title}` : `Beneficiary Location:${title}`,
      (g) => first(g.beneficiaryLocation, slot)[key],
    ]
    this.columns = [
      ['Identifier', (g) => g.id],
      ['Title', (g) => g.title],
      ['Description', (g) => g.description],
      ['Currency', (g) => g.currency],
      ['Amount Awarded', (g) => penceToDecimalString(Math.round(Number(g.amountAwarded) * 100))],
      ['Award Date', (g) => g.awardDate],
      [
        'Amount Disbursed',
        (g) =>
          g.amountDisbursed === undefined
            ? undefined
            : penceToDecimalString(Math.round(Number(g.amountDisbursed) * 100)),
      ],
      ['Planned Dates:Start Date', (g) => first(g.plannedDates).startDate],
      ['Planned Dates:End Date', (g) => first(g.plannedDates).endDate],
      ['Planned Dates:Duration (months)', (g) => first(g.plannedDates).duration],
      ['Recipient Org:Identifier', (g) => first(g.recipientOrganization).id],
      ['Recipient Org:Name', (g) => first(g.recipientOrganization).name],
      ['Recipient Org:Charity Number', (g) => first(g.recipientOrganization).charityNumber],
      ['Recipient Org:Company Number', (g) => first(g.recipientOrganization).companyNumber],
      ['Funding Org:Identifier', (g) => first(g.fundingOrganization).id],
      ['Funding Org:Name', (g) => first(g.fundingOrganization).name],
      ...Array.from({ length: Math.max(1, locationSlots) }, (_, slot) => [
        location(slot, 'Name', 'name'),
        location(slot, 'Country Code', 'countryCode'),
        location(slot, 'Geographic Code', 'geoCode'),
        location(slot, 'Geographic Code Type', 'geoCodeType'),
      ]).flat(),
      ['Grant Programme:Code', (g) => first(g.grantProgramme).code],
      ['Grant Programme:Title', (g) => first(g.grantProgramme).title],
      ['From An Open Call?', (g) => g.fromOpenCall],
      ['URL', (g) => g.url],
      ['Data Source', (g) => g.dataSource],
      ['Last Modified', (g) => g.dateModified],
    ]
    this.csv = safeCsvStringifier({ header: true, columns: this.columns.map(([title]) => title), bom: true })
    this.csv.pipe(out, { end: false })
  }

  async start(): Promise<void> {}

  async write(grant: Grant): Promise<void> {
    if (!this.csv.write(this.columns.map(([, value]) => value(grant) ?? ''))) await once(this.csv, 'drain')
  }

  async end(): Promise<void> {
    this.csv.end()
    await once(this.csv, 'end')
  }
}
