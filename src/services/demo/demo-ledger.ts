/** The demonstration register's offices, areas, funding streams and services. */
import { slugify } from '../../domain/slug.ts'
import type { DemoNames } from './demo-names.ts'
import { demoAreas, demoFundingStreams, demoOffices, demoServices } from './records.ts'

export async function loadOffices(n: DemoNames): Promise<void> {
  for (const office of demoOffices) {
    const org = await n.organisations.create({ name: office.name, kind: 'office' }, n.trx)
    await n.trx
      .insertInto('offices')
      .values({
        organisation_id: org.id,
        short_name: office.shortName,
        decision_maker_title: office.decisionMakerTitle,
        reference_format: office.referenceFormat,
        open_data_prefix: office.openDataPrefix,
        area_description: office.areaDescription,
        copyright_holder: office.name,
      })
      .execute()
    n.officeIds.set(office.shortName, org.id)
    n.officeNames.set(office.shortName, office.name)
  }
  await n.trx
    .insertInto('register_settings')
    .values({ home_office_id: n.office('Nottinghamshire'), register_name: 'Commissioning Register' })
    .execute()
}

export async function loadAreas(n: DemoNames): Promise<void> {
  for (const area of demoAreas) {
    const row = await n.trx
      .insertInto('areas')
      .values({ name: area.name, slug: slugify(area.name), kind: area.kind })
      .returning('id')
      .executeTakeFirstOrThrow()
    n.areaIds.set(area.name, row.id)
  }
}

export async function loadFundingStreams(n: DemoNames): Promise<void> {
  for (const stream of demoFundingStreams) {
    const row = await n.trx
      .insertInto('funding_streams')
      .values({
        ...n.officeNamed(stream.office, stream.name),
        funder_id: 'funder' in stream && stream.funder ? await n.org(stream.funder) : null,
        description: stream.description,
        conditions: 'conditions' in stream ? (stream.conditions ?? null) : null,
        match_funding_required: 'matchFunding' in stream ? Boolean(stream.matchFunding) : false,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    n.streamIds.set(stream.name, row.id)
    if ('terms' in stream && stream.terms) await loadStreamTerms(n, row.id, stream.terms)
  }
}

/** A stream's conditions: its grant period, spend-by date, ring-fences, agreement and match funding. */
async function loadStreamTerms(
  n: DemoNames,
  id: number,
  terms: {
    grantStart?: string
    grantEnd?: string
    spendBy?: string
    fundingStatus?: 'confirmed' | 'expected'
    agreementReference?: string
    ringFencedServiceTypes?: string[]
    ringFenceNames?: string[]
    matchFunding?: Array<{ financialYear: number; fromName: string; amountPence: number }>
  },
): Promise<void> {
  await n.trx
    .updateTable('funding_streams')
    .set({
      grant_start: terms.grantStart ?? null,
      grant_end: terms.grantEnd ?? null,
      spend_by: terms.spendBy ?? null,
      funding_status: terms.fundingStatus ?? 'confirmed',
      agreement_reference: terms.agreementReference ?? null,
      ring_fenced_service_types: terms.ringFencedServiceTypes ?? [],
      ring_fence_names: terms.ringFenceNames ?? [],
      match_funding_required: Boolean(terms.matchFunding?.length),
    })
    .where('id', '=', id)
    .execute()
  for (const m of terms.matchFunding ?? [])
    await n.trx
      .insertInto('funding_stream_match_funding')
      .values({
        funding_stream_id: id,
        financial_year: m.financialYear,
        from_organisation_id: await n.org(m.fromName),
        from_name: m.fromName,
        amount_pence: m.amountPence,
      })
      .execute()
}

export async function loadServices(n: DemoNames): Promise<void> {
  for (const service of demoServices) {
    const row = await n.trx
      .insertInto('services')
      .values({
        ...n.officeNamed(service.office, service.name),
        service_type: service.type,
        description: service.description,
        lead_commissioner_id: service.lead ? await n.org(service.lead) : null,
        predecessor_id: service.predecessor ? (n.serviceIds.get(service.predecessor) ?? null) : null,
        start_date: service.start,
        end_date: service.end,
        extension_months: service.extensionMonths ?? null,
        extension_text: service.extensionText ?? null,
        break_notice_months: service.breakNoticeMonths ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    n.serviceIds.set(service.name, row.id)
    for (const area of service.areas)
      await n.trx
        .insertInto('service_areas')
        .values({ service_id: row.id, area_id: n.area(area) })
        .execute()
    for (const provider of service.providers ?? []) {
      await n.trx
        .insertInto('service_providers')
        .values({ service_id: row.id, organisation_id: await n.org(provider) })
        .execute()
    }
  }
}
