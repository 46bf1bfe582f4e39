import { Router } from 'express'
import type { Services } from '../../../../services/index.ts'
import { requireRoles } from '../../../auth.ts'
import { DecisionStaffController } from './controller.ts'

const TASKS = ['details', 'finance', 'money', 'classification', 'links'] as const

/** Drafting needs the officer role; signing is open to every signer role, the stage itself checked by the workflow. */
export function decisionStaffRoutes(services: Services): Router {
  const router = Router()
  const c = new DecisionStaffController(services)
  const officer = requireRoles('officer')
  const publisher = requireRoles('officer', 'administrator')
  router.get('/', c.list)
  router.get('/new', officer, c.newForm)
  router.post('/new', officer, c.create)
  router.get('/:id', c.show)
  for (const task of TASKS) {
    router.get(`/:id/${task}`, officer, c.editForm(task))
    router.post(`/:id/${task}`, officer, c.save(task))
  }
  router.get('/:id/submit', officer, c.submitCheck)
  router.post('/:id/submit', officer, c.submit)
  router.get('/:id/hand-over', officer, c.handOverForm)
  router.post('/:id/hand-over', officer, c.handOver)
  router.get('/:id/sign', c.signForm)
  router.post('/:id/sign/check', c.signCheck)
  router.post('/:id/sign', c.sign)
  router.get('/:id/publish', publisher, c.publishCheck)
  router.post('/:id/publish', publisher, c.publish)
  return router
}
