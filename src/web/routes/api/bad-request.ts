/** A request a handler refuses: becomes a 400 problem naming the parameter. */
export class BadRequest extends Error {
  constructor(
    readonly parameter: string,
    readonly detail: string,
  ) {
    super(`${parameter}: ${detail}`)
  }
}
