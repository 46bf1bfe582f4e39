import { Router } from 'express'
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
  const contributions = new ContributionsController(services)
  router.get('/:id/contributions', officer, contributions.summary)
  router.post('/:id/contributions', officer, contributions.complete)
  router.get('/:id/contributions/new', officer, contributions.form)
  router.post('/:id/contributions/new', officer, contributions.save)
  router.get('/:id/contributions/:contributionId', officer, contributions.form)
  router.post('/:id/contributions/:contributionId', officer, contributions.save)
  router.get('/:id/contributions/:contributionId/remove', officer, contributions.removeCheck)
  router.post('/:id/contributions/:contributionId/remove', officer, contributions.remove)
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
  const awards = new AwardsController(services)
  router.get('/:id/awards', officer, awards.summary)
  router.post('/:id/awards', officer, awards.complete)
  router.get('/:id/awards/new', officer, awards.form)
  router.post('/:id/awards/new', officer, awards.save)
  router.get('/:id/awards/:awardId', officer, awards.form)
  router.post('/:id/awards/:awardId', officer, awards.save)
  router.get('/:id/awards/:awardId/remove', officer, awards.removeCheck)
  router.post('/:id/awards/:awardId/remove', officer, awards.remove)
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
