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

type HttpError = Error & { status?: number; code?: string; expose?: boolean }

export function setUpErrorHandling(app: Express, production: boolean): void {
  app.use(answerNotFound)
  app.use((error: HttpError, req: Request, res: Response, _next: NextFunction) =>
    answerError(error, req, res, production),
  )
}

/** Nothing at the address: a problem for the API, plain text for downloads and feeds, else the not-found page. */
function answerNotFound(req: Request, res: Response): void {
  const format = answerFormat(req)
  if (format === 'problem') return notFound(res)
  if (format === 'text') return void res.status(404).type('text/plain').send('There is nothing at this address.')
  res.status(404)
  renderPage(res, 'pages/not-found', {}, 'Page not found')
}

/** An error a route passed on: logged, then answered in the request's format with its status. */
function answerError(error: HttpError, req: Request, res: Response, production: boolean): void {
  if (res.headersSent) return abandonResponse(req, res, error)
  const status = error.status && error.status >= 400 && error.status < 600 ? error.status : 500
  const format = answerFormat(req)
  if (error.code === 'EBADCSRFTOKEN' && format === 'html') {
    res.status(403)
    return renderPage(res, 'pages/form-expired', {}, 'The form has expired')
  }
  /** What the person may be told: the request's own mistake, never a server's. */
  const message =
    error instanceof InvalidRequestInput ? error.message : status < 500 && error.expose ? error.message : null
  logError(error, req, res, status, production)
  if (format === 'problem') return sendErrorProblem(error, res, status, message)
  if (format === 'text') {
    res
      .status(status)
      .type('text/plain')
      .send(message ?? unanswered(res))
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
}

function unanswered(res: Response): string {
  return `The request could not be answered. Quote request id ${String(res.locals.requestId)} if you report it.`
}

/** A server's failure is an error (with its stack outside production); a refused request is information. */
function logError(error: HttpError, req: Request, res: Response, status: number, production: boolean): void {
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
}

/** The API's answer: problem+json naming the parameter when one was invalid. */
function sendErrorProblem(error: HttpError, res: Response, status: number, message: string | null): void {
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
    detail: message ?? unanswered(res),
  })
}
