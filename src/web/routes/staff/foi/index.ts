import { Router } from 'express'
import type { Services } from '../../../../services/index.ts'
import { ACTION_PAGES, FoiActionController } from './actions.ts'
import { FoiDashboardController } from './dashboard.ts'
import { FoiLetterController } from './letter.ts'
import { FoiListController } from './list.ts'
import { NewFoiRequestController } from './new-request.ts'
import { FoiQuestionController } from './question.ts'
import { FoiRequestController } from './request.ts'

/** /staff/foi: FOI requests. Authorised where it is mounted (staff/index.ts), for officers. */
export function foiStaffRoutes(services: Services): Router {
  const router = Router()
  router.get('/', new FoiDashboardController(services).get)
  router.get('/requests', new FoiListController(services).get)

  const newRequest = new NewFoiRequestController(services)
  router.get('/new', newRequest.get)
  router.post('/new', newRequest.post)

  const request = new FoiRequestController(services)
  router.get('/:id', request.get)
  router.post('/:id/start', request.start)
  router.post('/:id/questions', request.addQuestion)
  const letter = new FoiLetterController(services)
  router.get('/:id/letter', letter.get)
  router.get('/:id/letter.pdf', letter.pdf)

  const question = new FoiQuestionController(services)
  router.get('/:id/questions/:questionId', question.get)
  router.post('/:id/questions/:questionId', question.post)

  for (const page of ACTION_PAGES) {
    const action = new FoiActionController(services, page)
    router.get(`/:id/${page.path}`, action.get)
    router.post(`/:id/${page.path}`, action.post)
  }
  return router
}
