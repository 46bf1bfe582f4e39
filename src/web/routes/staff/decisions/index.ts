import { Router, type RequestHandler } from 'express'
import type { Services } from '../../../../services/index.ts'
import { requireRoles } from '../../../auth.ts'
import { addPages, type Page } from '../../pages.ts'
import { AppendicesController } from './appendices.ts'
import { AreasController } from './areas.ts'
import { AwardsController } from './awards.ts'
import { ContributionsController } from './contributions.ts'
import { DraftController } from './drafting.ts'
import { OrganisationNamesController } from './organisation-names.ts'
import { DecisionShowController } from './show.ts'
import { SignOffController } from './sign-off.ts'
import { SubmissionController } from './submission.ts'

const TASKS = ['details', 'finance', 'classification', 'links'] as const

/** Drafting needs the officer role; signing is open to every signer role, the stage itself checked by the workflow. */
export function decisionStaffRoutes(services: Services): Router {
  const router = Router()
  const show = new DecisionShowController(services)
  const draft = new DraftController(services)
  const submission = new SubmissionController(services)
  const signOff = new SignOffController(services)
  const officer = requireRoles('officer')
  const publisher = requireRoles('officer', 'administrator')
  router.get('/', show.list)
  addPages(router, officer, [
    ['/new', draft.newForm, draft.create],
    ['/organisation-names', new OrganisationNamesController(services).get],
  ])
  router.get('/:id', show.show)
  addAnotherRoutes(router, officer, 'contributions', 'contributionId', new ContributionsController(services))
  const areas = new AreasController(services)
  const appendices = new AppendicesController(services)
  addPages(router, officer, [
    ['/:id/areas', areas.get, areas.post],
    ['/:id/appendices', appendices.summary, appendices.complete],
    // The multipart body was parsed (and its CSRF token checked) where the staff area is mounted.
    ['/:id/appendices/new', appendices.form, appendices.upload],
    ['/:id/appendices/:appendixId/remove', appendices.removeCheck, appendices.remove],
  ])
  router.get('/:id/appendices/:appendixId/file', appendices.file)
  addAnotherRoutes(router, officer, 'awards', 'awardId', new AwardsController(services))
  addPages(router, officer, [
    ...TASKS.map((task): Page => [`/:id/${task}`, draft.editForm(task), draft.save(task)]),
    ['/:id/submit', submission.submitCheck, submission.submit],
    ['/:id/delete', submission.deleteCheck, submission.delete],
    ['/:id/hand-over', submission.handOverForm, submission.handOver],
  ])
  router.get('/:id/sign', signOff.signForm)
  router.post('/:id/sign/check', signOff.signCheck)
  router.post('/:id/sign', signOff.sign)
  router.get('/:id/publish', publisher, submission.publishCheck)
  router.post('/:id/publish', publisher, submission.publish)
  return router
}

/** The "add another" pages of a draft's awards or contributions: the summary, and adding, changing and removing one. */
function addAnotherRoutes(
  router: Router,
  officer: RequestHandler,
  parts: string,
  partId: string,
  controller: AwardsController | ContributionsController,
): void {
  addPages(router, officer, [
    [`/:id/${parts}`, controller.summary, controller.complete],
    [`/:id/${parts}/new`, controller.form, controller.save],
    [`/:id/${parts}/:${partId}`, controller.form, controller.save],
    [`/:id/${parts}/:${partId}/remove`, controller.removeCheck, controller.remove],
  ])
}
