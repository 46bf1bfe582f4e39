import type { UpdateObject } from 'kysely'
import { DecisionRepository } from '../../db/repositories/decisions/decisions.ts'
import { DraftPartsRepository } from '../../db/repositories/decisions/draft-parts.ts'
import { OrganisationRepository } from '../../db/repositories/ledger/organisations.ts'
import type { DB } from '../../db/tables/index.ts'
import type { LinkKind } from '../../domain/decision.ts'
import { type Actor } from '../audit/audit.ts'
import {
  WorkflowError,
  type DraftDetails,
  type FinanceDetails,
  type MoneyDetails,
  type ClassificationDetails,
} from './workflow-types.ts'
import { recordEditor, replaceSections, sectionsFrom, snapshot } from './workflow-records.ts'
import { DecisionChanges } from './workflow-changes.ts'

/** Writing a draft: its details, finance, money, classification and links. */
export class DraftEditing extends DecisionChanges {
  async createDraft(details: DraftDetails, actor: Actor): Promise<number> {
    const office = await this.draftOffice(actor, details.officeId)
    return this.database.transaction(async (trx) => {
      const id = await this.decisions.create(
        {
          officeId: office.id,
          officeShortName: office.shortName,
          reference: null,
          kind: details.kind,
          title: details.title,
          status: 'draft',
          authorName: details.authorName,
          authorContact: details.authorContact,
          executiveSummary: details.executiveSummary,
          decisionText: details.decisionText,
          decisionMakerTitle: office.decisionMakerTitle,
          createdBy: actor.userId,
          sections: sectionsFrom({
            supporting_information: details.supportingInformation,
            recommendations: details.recommendations,
          }),
        },
        trx,
      )
      await recordEditor(trx, id, actor)
      await this.audit.recordChange(trx, actor, 'create', ['decision', id], {
        after: await snapshot(trx, id),
      })
      return id
    })
  }

  saveDetails(id: number, version: number, details: DraftDetails, actor: Actor): Promise<void> {
    const fields = {
      kind: details.kind,
      title: details.title,
      author_name: details.authorName,
      author_contact: details.authorContact,
      executive_summary: details.executiveSummary,
      decision_text: details.decisionText,
    }
    const sections = {
      supporting_information: details.supportingInformation,
      recommendations: details.recommendations,
    }
    return this.saveFieldsAndSections(id, version, actor, 'update details', fields, sections)
  }

  saveFinance(id: number, version: number, finance: FinanceDetails, actor: Actor): Promise<void> {
    const fields = {
      revenue_or_capital: finance.revenueOrCapital,
      in_budget: finance.inBudget,
      ...(finance.statedTotal === undefined ? {} : { stated_total_pence: finance.statedTotal }),
    }
    const sections = { financial_information: finance.financialInformation }
    return this.saveFieldsAndSections(id, version, actor, 'update financial information', fields, sections)
  }

  /** Saves a task of the draft that is some of its own fields and some of its sections. */
  private saveFieldsAndSections(
    id: number,
    version: number,
    actor: Actor,
    action: string,
    fields: UpdateObject<DB, 'decisions'>,
    sections: Parameters<typeof replaceSections>[2],
  ): Promise<void> {
    return this.editDraft(id, version, actor, action, async (trx) => {
      await trx.updateTable('decisions').set(fields).where('id', '=', id).execute()
      await replaceSections(trx, id, sections)
    })
  }

  saveMoney(id: number, version: number, money: MoneyDetails, actor: Actor): Promise<void> {
    return this.editDraft(id, version, actor, 'update awards and contributions', async (trx, before) => {
      await trx
        .updateTable('decisions')
        .set({ stated_total_pence: money.statedTotalPence })
        .where('id', '=', id)
        .execute()
      await trx.deleteFrom('awards').where('decision_id', '=', id).execute()
      await trx.deleteFrom('contributions').where('decision_id', '=', id).execute()
      const withheld = before.awards_exemption !== null
      const organisations = new OrganisationRepository(trx)
      const orgId = async (name: string, kind: 'provider' | 'council') =>
        (await organisations.findOrCreate({ name, kind }, trx)).id
      const awards = []
      for (const a of money.awards)
        awards.push({
          ...a,
          recipientId: await orgId(a.recipientName, 'provider'),
          viaId: a.viaName ? await orgId(a.viaName, 'council') : null,
        })
      const contributions = []
      for (const c of money.contributions)
        contributions.push({ ...c, organisationId: await orgId(c.organisationName, 'council') })
      const repository = new DecisionRepository(trx)
      await repository.insertAwards(
        trx,
        id,
        awards.map((a) => ({ ...a, withheld })),
      )
      await repository.insertContributions(trx, id, contributions)
    })
  }

  saveClassification(id: number, version: number, input: ClassificationDetails, actor: Actor): Promise<void> {
    if (input.classification === 'confidential' && !input.exemption)
      throw new WorkflowError('Choose the exemption that makes this decision confidential', 'exemption')
    if (
      input.classification === 'partially_confidential' &&
      !Object.keys(input.withheldSections).length &&
      !input.awardsExemption
    ) {
      throw new WorkflowError('Choose at least one part to withhold, or choose "Not confidential"', 'withheld')
    }
    return this.editDraft(id, version, actor, 'update classification', async (trx) => {
      const partial = input.classification === 'partially_confidential'
      await trx
        .updateTable('decisions')
        .set({
          classification: input.classification,
          exemption: input.classification === 'confidential' ? input.exemption : null,
          awards_exemption: partial ? input.awardsExemption : null,
        })
        .where('id', '=', id)
        .execute()
      const sections = await trx
        .selectFrom('decision_sections')
        .select(['id', 'key'])
        .where('decision_id', '=', id)
        .execute()
      for (const section of sections) {
        const exemption = partial ? (input.withheldSections[section.key] ?? null) : null
        await trx
          .updateTable('decision_sections')
          .set({ withheld: exemption !== null, exemption })
          .where('id', '=', section.id)
          .execute()
      }
      await trx
        .updateTable('awards')
        .set({ withheld: partial && input.awardsExemption !== null })
        .where('decision_id', '=', id)
        .execute()
      await new DraftPartsRepository(trx).markTask(trx, id, 'classification', true)
    })
  }

  saveLinks(
    id: number,
    version: number,
    links: Array<{ reference: string; kind: LinkKind }>,
    actor: Actor,
  ): Promise<void> {
    return this.editDraft(id, version, actor, 'update related decisions', async (trx) => {
      await trx.deleteFrom('decision_links').where('from_decision_id', '=', id).execute()
      for (const [i, link] of links.entries()) {
        const target = await trx
          .selectFrom('decisions')
          .select('id')
          .where('reference', '=', link.reference)
          .where('id', '<>', id)
          .orderBy('id')
          .executeTakeFirst()
        if (!target)
          throw new WorkflowError(
            `Related decision ${i + 1}: no decision in the register has the reference ${link.reference}`,
            `links-${i}-reference`,
          )
        await trx
          .insertInto('decision_links')
          .values({ from_decision_id: id, to_decision_id: target.id, kind: link.kind })
          .onConflict((oc) => oc.doNothing())
          .execute()
      }
      await new DraftPartsRepository(trx).markTask(trx, id, 'links', true)
    })
  }
}
