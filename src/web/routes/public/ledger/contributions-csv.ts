import type { Request, Response } from 'express'
import { financialYear } from '../../../../domain/financial-year.ts'
import { amountBasis, BASIS_LABELS } from '../../../../domain/ledger.ts'
import { penceToDecimalString } from '../../../../domain/money.ts'
import { serviceTypeLabel } from '../../../../domain/service-types.ts'
import type { ContributionRow } from '../../../../services/ledger/co-funding.ts'
import type { Services } from '../../../../services/index.ts'
import { sendCsv, type CsvColumn } from '../../../csv-download.ts'
import { readLedgerQuery, toContributionFilter } from './query.ts'

const COLUMNS: Array<CsvColumn<ContributionRow>> = [
  { header: 'Partner', value: (r) => r.partnerName },
  { header: 'Amount (£)', value: (r) => penceToDecimalString(r.amountPence) },
  { header: 'Amount is', value: (r) => BASIS_LABELS[amountBasis(r)] },
  { header: 'Financial year', value: (r) => (r.financialYear ? financialYear(r.financialYear).label : '') },
  { header: 'Period start', value: (r) => r.periodStart ?? '' },
  { header: 'Period end', value: (r) => r.periodEnd ?? '' },
  { header: 'Service', value: (r) => r.serviceName ?? '' },
  { header: 'Service type', value: (r) => serviceTypeLabel(r.serviceType) },
  { header: 'Lead commissioner', value: (r) => r.leadName ?? '' },
  { header: 'Office', value: (r) => r.officeName ?? '' },
  { header: 'Decision reference', value: (r) => r.decisionReference ?? '' },
  { header: 'Date of decision', value: (r) => r.decisionDate ?? '' },
  { header: 'Conditions', value: (r) => r.condition ?? '' },
]

/** The partner contributions beside the ledger's awards, with the same filters, as CSV. */
export class ContributionsCsvController {
  constructor(private readonly services: Services) {}

  csv = async (req: Request, res: Response): Promise<void> => {
    const { query, errors } = readLedgerQuery(req)
    if (Object.keys(errors).length) {
      res.status(400).type('text/plain').send(Object.values(errors).join('\n'))
      return
    }
    const rows = await this.services.coFunding.contributions(toContributionFilter(query))
    await sendCsv(req, res, 'partner-contributions.csv', rows, COLUMNS)
  }
}
