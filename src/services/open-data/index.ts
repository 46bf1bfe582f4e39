import type { Writable } from 'node:stream'
import { loadConfig } from '../../config.ts'
import type { Database } from '../../db/database.ts'
import { SettingsService } from '../settings.ts'
import { ApiAwardQueries } from './api/awards.ts'
import { ApiDecisionQueries } from './api/decisions.ts'
import { ApiDisclosureQueries } from './api/disclosure-log.ts'
import { ApiFundingStreamQueries } from './api/funding-streams.ts'
import { ApiOrganisationQueries } from './api/organisations.ts'
import { ApiServiceQueries } from './api/services.ts'
import { StaffDecisionQueries } from './api/staff-decisions.ts'
import { UploadedDocuments } from './staff-documents.ts'
import { ThreeSixtyGivingExporter, type ExportOptions, type ExportSummary, type PublisherDetails } from './three-sixty-giving/exporter.ts'

export { InvalidExportError, type ExportFormat, type ExportOptions } from './three-sixty-giving/exporter.ts'

export interface OpenDataOptions {
  /** The register's public address, for links in exports and feeds (PUBLIC_BASE_URL). */
  baseUrl: string
}

/** Everything the register publishes as data: 360Giving exports, the public API's reads, CSV, feeds. */
export class OpenDataService {
  readonly baseUrl: string
  private readonly exporter: ThreeSixtyGivingExporter
  private readonly settings: SettingsService
  readonly decisions: ApiDecisionQueries
  readonly awards: ApiAwardQueries
  readonly organisations: ApiOrganisationQueries
  readonly services: ApiServiceQueries
  readonly fundingStreams: ApiFundingStreamQueries
  readonly disclosureLog: ApiDisclosureQueries
  readonly staffDecisions: StaffDecisionQueries
  readonly documents: UploadedDocuments

  constructor(
    private readonly database: Database,
    options: OpenDataOptions = { baseUrl: loadConfig().publicBaseUrl },
  ) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '')
    this.exporter = new ThreeSixtyGivingExporter(database.db)
    this.settings = new SettingsService(database)
    const db = database.db
    this.decisions = new ApiDecisionQueries(db, this.baseUrl)
    this.awards = new ApiAwardQueries(db)
    this.organisations = new ApiOrganisationQueries(db)
    this.services = new ApiServiceQueries(db)
    this.fundingStreams = new ApiFundingStreamQueries(db)
    this.disclosureLog = new ApiDisclosureQueries(db)
    this.staffDecisions = new StaffDecisionQueries(db)
    this.documents = new UploadedDocuments(database)
  }

  async export360ToFile(path: string, options: ExportOptions): Promise<ExportSummary> {
    return this.exporter.toFile(path, options, await this.publisher())
  }

  async export360ToStream(out: Writable, options: ExportOptions): Promise<ExportSummary> {
    return this.exporter.toStream(out, options, await this.publisher())
  }

  /** An office by its id, 360Giving prefix or slug (for the export's --office). */
  async findOffice(key: string): Promise<{ id: number; name: string } | undefined> {
    const id = /^\d+$/.test(key) ? Number(key) : -1
    return this.database.db
      .selectFrom('offices as f')
      .innerJoin('organisations as o', 'o.id', 'f.organisation_id')
      .select(['o.id', 'o.name'])
      .where((eb) => eb.or([eb('o.id', '=', id), eb('f.open_data_prefix', '=', key), eb('o.slug', '=', key), eb('f.short_name', '=', key)]))
      .executeTakeFirst()
  }

  private async publisher(): Promise<PublisherDetails> {
    const site = await this.settings.site()
    const home = await this.database.db
      .selectFrom('register_settings as s')
      .innerJoin('organisations as o', 'o.id', 's.home_office_id')
      .innerJoin('offices as f', 'f.organisation_id', 's.home_office_id')
      .select(['o.org_id', 'f.open_data_prefix'])
      .executeTakeFirst()
    return { name: site.officeName, identifier: home?.org_id ?? undefined, prefix: home?.open_data_prefix ?? undefined, baseUrl: this.baseUrl }
  }
}
