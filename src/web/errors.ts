import type { Express, NextFunction, Request, Response } from 'express'
import { logger } from '../logger.ts'
import { notFound, PROBLEM_TYPES, sendProblem } from './routes/api/problem.ts'
import { InvalidRequestInput } from './request-validation.ts'

type Answer = 'problem' | 'text' | 'html'

/** How an error is answered: the API in problem+json, downloads and feeds in plain text, pages in HTML. */
function answerFormat(req: Request): Answer {
  const path = req.originalUrl.split('?')[0] ?? ''
  if (path.startsWith('/api/')) return 'problem'
  if (path.startsWith('/downloads/') || path.startsWith('/feeds/') || /\.(csv|json|atom|pdf)$/.test(path)) return 'text'
  return 'html'
}

/** Renders a page, falling back to plain text if the page itself cannot be rendered. */
function renderPage(res: Response, view: string, locals: Record<string, unknown>, fallback: string): void {
  res.render(view, locals, (error: Error | null, html?: string) => {
    if (res.headersSent) return
    if (error) {
      logger.error('error page could not be rendered', { requestId: res.locals.requestId, error: error.message })
      res.type('text/plain').send(fallback)
      return
    }
    res.send(html)
  })
}

/**
 * A response whose headers are already sent cannot change its status: the connection is cut so the client
 * sees the download stop short, instead of a second set of headers that would crash the process.
 */
export function abandonResponse(req: Request, res: Response, error: Error): void {
  logger.error('response failed after its headers were sent', {
    requestId: res.locals.requestId,
    path: req.path,
    error: error.message,
  })
  res.destroy()
}

export function setUpErrorHandling(app: Express, production: boolean): void {
  app.use((req: Request, res: Response) => {
    const format = answerFormat(req)
    if (format === 'problem') return notFound(res)
    if (format === 'text') return void res.status(404).type('text/plain').send('There is nothing at this address.')
    res.status(404)
    renderPage(res, 'pages/not-found', {}, 'Page not found')
  })
  app.use(
    (
      error: Error & { status?: number; code?: string; expose?: boolean },
      req: Request,
      res: Response,
      _next: NextFunction,
    ) => {
      if (res.headersSent) return abandonResponse(req, res, error)
      const status = error.status && error.status >= 400 && error.status < 600 ? error.status : 500
      const format = answerFormat(req)
      if (error.code === 'EBADCSRFTOKEN' && format === 'html') {
        res.status(403)
        return renderPage(res, 'pages/form-expired', {}, 'The form has expired')
      }
      const message =
        error instanceof InvalidRequestInput ? error.message : status < 500 && error.expose ? error.message : null
      if (status >= 500)
        logger.error('request failed', {
          requestId: res.locals.requestId,
          path: req.path,
          status,
          error: error.message,
          stack: production ? undefined : error.stack,
        })
      else
        logger.info('request refused', {
          requestId: res.locals.requestId,
          path: req.path,
          status,
          error: error.message,
        })
      if (format === 'problem') {
        if (error instanceof InvalidRequestInput) {
          return sendProblem(res, {
            type: PROBLEM_TYPES.invalidParameters,
            title: 'Your request’s parameters are not valid',
            status,
            detail: error.message,
            errors: [{ parameter: error.parameter, detail: error.message }],
          })
        }
        return sendProblem(res, {
          type: status >= 500 ? PROBLEM_TYPES.serverError : PROBLEM_TYPES.invalidParameters,
          title: status >= 500 ? 'Something went wrong' : 'The request is not valid',
          status,
          detail:
            message ??
            `The request could not be answered. Quote request id ${String(res.locals.requestId)} if you report it.`,
        })
      }
      if (format === 'text') {
        res
          .status(status)
          .type('text/plain')
          .send(
            message ??
              `The request could not be answered. Quote request id ${String(res.locals.requestId)} if you report it.`,
          )
        return
      }
      res.status(status)
      if (message !== null) return renderPage(res, 'pages/bad-request', { message }, message)
      renderPage(
        res,
        'pages/error',
        { status, message: production ? null : error.message, stack: production ? null : error.stack },
        'Sorry, there is a problem with the service',
      )
    },
  )
}
