/** The demonstration register's published decisions, its answered FOI request and its forward plan. */
import { financialYearOf } from '../../domain/financial-year.ts'
import { parsePoundsInput } from '../../domain/money.ts'
import type { DemoNames } from './demo-names.ts'
import {
  type DemoAward,
  type DemoContribution,
  type DemoDecision,
  demoDecisions,
  demoFoiRequest,
  demoForwardPlan,
} from './records.ts'
import type { OrganisationKind } from '../../domain/organisation.ts'

export async function loadDecisions(n: DemoNames): Promise<Map<string, number>> {
  const ids = new Map<string, number>()
  for (const d of demoDecisions) {
    const id = await n.decisions.create(
      {
        officeId: n.office(d.office),
        officeShortName: d.office,
        reference: d.reference,
        kind: d.kind,
        title: d.title,
        status: 'published',
        dateReceived: d.received ?? null,
        dateDecided: d.decided,
        datePublished: d.published,
        authorName: d.author ?? null,
        authorContact: d.authorContact ?? null,
        executiveSummary: d.summary,
        decisionText: d.decisionText ?? null,
        revenueOrCapital: d.revenueOrCapital ?? null,
        inBudget: d.inBudget ?? null,
        declaration: d.kind === 'foi_response' ? null : 'no_interest',
        decisionMakerTitle: d.decisionMaker ?? null,
        decisionMakerName: d.signOffs.find((s) => s.stage === 'decision_maker')?.name ?? null,
        statedTotalPence: d.statedTotal ? parsePoundsInput(d.statedTotal) : null,
        statedTotalPerAnnum: d.statedTotalPerAnnum ?? false,
        sections: d.sections,
        awards: await awardsOf(n, d),
        contributions: await contributionsOf(n, d),
        findings: d.findings,
        signOffs: d.signOffs.map((s) => ({
          stage: s.stage,
          outcome: 'approved' as const,
          signerName: s.name ?? null,
          signerTitle: s.title,
          signedOn: s.on,
        })),
        areaIds: (d.areas ?? []).map((name) => n.area(name)),
      },
      n.trx,
    )
    ids.set(d.reference, id)
    await commissionServices(n, d, id)
  }
  return ids
}

function awardsOf(n: DemoNames, d: DemoDecision) {
  const recipient = (a: DemoAward) => ({ name: a.recipient, kind: 'provider' as const })
  return eachWithOrganisation(n, d.awards, recipient, async (a, { id, name }) => ({
    recipientId: id,
    recipientName: name,
    amountPence: parsePoundsInput(a.pounds),
    periodLabel: a.period?.label ?? null,
    periodStart: a.period?.start ?? null,
    periodEnd: a.period?.end ?? null,
    financialYear: a.period ? financialYearOf(a.period.start).startYear : null,
    perAnnum: a.perAnnum,
    upTo: a.upTo,
    viaId: a.via ? await n.org(a.via) : null,
    route: a.route ?? null,
    routeJustification: a.routeJustification ?? null,
    fundingStreamId: a.stream ? (n.streamIds.get(a.stream) ?? null) : null,
    serviceId: a.service ? (n.serviceIds.get(a.service) ?? null) : null,
    purpose: a.purpose ?? null,
  }))
}

function contributionsOf(n: DemoNames, d: DemoDecision) {
  const contributor = (c: DemoContribution) => ({ name: c.organisation, kind: 'council' as const })
  return eachWithOrganisation(n, d.contributions, contributor, (c, { id, name }) => ({
    organisationId: id,
    organisationName: name,
    amountPence: parsePoundsInput(c.pounds),
    perAnnum: c.perAnnum,
    upTo: c.upTo,
    condition: c.condition ?? null,
    proRataWithPartners: c.proRata,
    serviceId: c.service ? (n.serviceIds.get(c.service) ?? null) : null,
  }))
}

/** Each part made with the organisation it names, found or created in the order the parts are listed. */
async function eachWithOrganisation<P, R>(
  n: DemoNames,
  parts: readonly P[] | undefined,
  organisation: (part: P) => { name: string; kind: OrganisationKind },
  make: (part: P, organisation: { id: number; name: string }) => R | Promise<R>,
): Promise<R[]> {
  const made: R[] = []
  for (const part of parts ?? [])
    made.push(await make(part, await n.organisations.findOrCreate(organisation(part), n.trx)))
  return made
}

/** A service the decision pays for, not yet tied to a decision, is commissioned by it. */
async function commissionServices(n: DemoNames, d: DemoDecision, decisionId: number): Promise<void> {
  const serviceNames = new Set(
    [...(d.awards ?? []), ...(d.contributions ?? [])].map((part) => part.service).filter(Boolean),
  )
  for (const name of serviceNames) {
    const serviceId = n.serviceIds.get(name!)
    if (serviceId)
      await n.trx
        .updateTable('services')
        .set({ decision_id: decisionId })
        .where('id', '=', serviceId)
        .where('decision_id', 'is', null)
        .execute()
  }
}

export async function loadFoiRequest(n: DemoNames, decisionIds: Map<string, number>): Promise<void> {
  const r = demoFoiRequest
  const request = await n.trx
    .insertInto('foi_requests')
    .values({
      office_id: n.office(r.office),
      reference: r.reference,
      received_on: r.received,
      channel: r.channel,
      requester_name: r.requesterName,
      requester_contact: r.requesterContact,
      status: 'answered',
      outcome: r.outcome,
      answered_on: r.answered,
      published_on: r.published,
      decision_id: decisionIds.get(r.decisionReference) ?? null,
      summary: 'Commissioning of a medium risk domestic abuse service in Nottingham',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await n.trx
    .insertInto('foi_questions')
    .values(
      r.questions.map((q, position) => ({
        request_id: request.id,
        position,
        question: q.question,
        answer: q.answer,
      })),
    )
    .execute()
}

export async function loadForwardPlan(n: DemoNames, decisionIds: Map<string, number>): Promise<void> {
  for (const p of demoForwardPlan) {
    const decisionId = p.takenBy ? decisionIds.get(p.takenBy) : undefined
    if (p.takenBy && decisionId === undefined)
      throw new Error(`The forward plan names an unknown decision: ${p.takenBy}`)
    await n.trx
      .insertInto('planned_decisions')
      .values({
        office_id: n.office(p.office),
        title: p.title,
        expected_month: `${p.expected}-01`,
        estimated_value_pence: p.estimate ? parsePoundsInput(p.estimate) : null,
        service_id: p.service ? (n.serviceIds.get(p.service) ?? null) : null,
        key_decision: p.key ?? false,
        status: decisionId !== undefined ? 'taken' : p.dropped ? 'dropped' : 'planned',
        decision_id: decisionId ?? null,
        dropped_reason: p.dropped?.reason ?? null,
        dropped_on: p.dropped?.on ?? null,
      })
      .execute()
  }
}
