import { Router } from 'express'
import type { Services } from '../../../../services/index.ts'
import { addPages, type Page } from '../../pages.ts'
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
  const newRequest = new NewFoiRequestController(services)
  const request = new FoiRequestController(services)
  const letter = new FoiLetterController(services)
  const question = new FoiQuestionController(services)
  addPages(router, [
    ['/', new FoiDashboardController(services).get],
    ['/requests', new FoiListController(services).get],
    ['/new', newRequest.get, newRequest.post],
    ['/:id', request.get],
    ['/:id/letter', letter.get],
    ['/:id/letter.pdf', letter.pdf],
    ['/:id/questions/:questionId', question.get, question.post],
    ...ACTION_PAGES.map((page): Page => {
      const action = new FoiActionController(services, page)
      return [`/:id/${page.path}`, action.get, action.post]
    }),
  ])
  router.post('/:id/start', request.start)
  router.post('/:id/questions', request.addQuestion)
  return router
}
