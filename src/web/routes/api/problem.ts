import type { Response } from 'express'

export interface ParameterError {
  parameter: string
  detail: string
}

export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  errors?: ParameterError[]
}

/** Problem type addresses: the API page explains each under its anchor. */
export const PROBLEM_TYPES = {
  invalidParameters: '/api#problem-invalid-parameters',
  notFound: '/api#problem-not-found',
  unauthorised: '/api#problem-unauthorised',
  forbidden: '/api#problem-forbidden',
  invalidBody: '/api#problem-invalid-body',
  tooLarge: '/api#problem-too-large',
  serverError: '/api#problem-server-error',
} as const

/** Sends an RFC 9457 problem description. */
export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem))
}

export function invalidParameters(res: Response, errors: ParameterError[]): void {
  sendProblem(res, {
    type: PROBLEM_TYPES.invalidParameters,
    title: 'Your request’s parameters are not valid',
    status: 400,
    detail: errors.map((e) => `${e.parameter}: ${e.detail}`).join('; '),
    errors,
  })
}

export function notFound(res: Response, detail = 'There is nothing at this address.'): void {
  sendProblem(res, { type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404, detail })
}
