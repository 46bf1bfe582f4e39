import { Router, type RequestHandler } from 'express'
import type { Services } from '../../../../services/index.ts'
import { requireRoles } from '../../../auth.ts'
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
  router.get('/new', officer, draft.newForm)
  router.post('/new', officer, draft.create)
  router.get('/organisation-names', officer, new OrganisationNamesController(services).get)
  router.get('/:id', show.show)
  addAnotherRoutes(router, officer, 'contributions', 'contributionId', new ContributionsController(services))
  const areas = new AreasController(services)
  router.get('/:id/areas', officer, areas.get)
  router.post('/:id/areas', officer, areas.post)
  const appendices = new AppendicesController(services)
  router.get('/:id/appendices', officer, appendices.summary)
  router.post('/:id/appendices', officer, appendices.complete)
  router.get('/:id/appendices/new', officer, appendices.form)
  // The multipart body was parsed (and its CSRF token checked) where the staff area is mounted.
  router.post('/:id/appendices/new', officer, appendices.upload)
  router.get('/:id/appendices/:appendixId/file', appendices.file)
  router.get('/:id/appendices/:appendixId/remove', officer, appendices.removeCheck)
  router.post('/:id/appendices/:appendixId/remove', officer, appendices.remove)
  addAnotherRoutes(router, officer, 'awards', 'awardId', new AwardsController(services))
  for (const task of TASKS) {
    router.get(`/:id/${task}`, officer, draft.editForm(task))
    router.post(`/:id/${task}`, officer, draft.save(task))
  }
  router.get('/:id/submit', officer, submission.submitCheck)
  router.post('/:id/submit', officer, submission.submit)
  router.get('/:id/delete', officer, submission.deleteCheck)
  router.post('/:id/delete', officer, submission.delete)
  router.get('/:id/hand-over', officer, submission.handOverForm)
  router.post('/:id/hand-over', officer, submission.handOver)
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
  router.get(`/:id/${parts}`, officer, controller.summary)
  router.post(`/:id/${parts}`, officer, controller.complete)
  router.get(`/:id/${parts}/new`, officer, controller.form)
  router.post(`/:id/${parts}/new`, officer, controller.save)
  router.get(`/:id/${parts}/:${partId}`, officer, controller.form)
  router.post(`/:id/${parts}/:${partId}`, officer, controller.save)
  router.get(`/:id/${parts}/:${partId}/remove`, officer, controller.removeCheck)
  router.post(`/:id/${parts}/:${partId}/remove`, officer, controller.remove)
}
