import type { Actor } from '../../src/services/audit/audit.ts'
import type { DraftDetails, WorkflowService } from '../../src/services/decisions/workflow.ts'

/**
 * Starts a draft and completes every section the task list requires before submission: financial
 * information, an area, the awards section (marked completed with none) and the classification.
 */
export async function draftReadyToSubmit(
  workflow: WorkflowService,
  details: DraftDetails,
  actor: Actor,
): Promise<number> {
  const id = await workflow.createDraft(details, actor)
  const version = async () => (await workflow.detail(id))!.decision.version
  await workflow.saveFinance(
    id,
    await version(),
    { revenueOrCapital: 'revenue', inBudget: true, financialInformation: null },
    actor,
  )
  const area = (await workflow.areaChoices(id))[0]
  await workflow.saveAreas(
    id,
    await version(),
    { areaIds: area ? [area.id] : [], newArea: area ? null : { name: 'Bassetlaw', gssCode: 'E07000171' } },
    actor,
  )
  await workflow.markTask(id, await version(), 'awards', true, actor)
  await workflow.saveClassification(
    id,
    await version(),
    { classification: 'non_confidential', exemption: null, withheldSections: {}, awardsExemption: null },
    actor,
  )
  return id
}
