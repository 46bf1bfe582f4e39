import assert from 'node:assert/strict'

/** A minimal browser for integration tests: keeps its cookies (the session, the sign-in form's CSRF cookie) and sends each form's CSRF token. */
export class StaffClient {
  private readonly cookies = new Map<string, string>()
  private csrfToken = ''

  constructor(private readonly baseUrl: string) {}

  async get(path: string): Promise<Response> {
    const response = await fetch(`${this.baseUrl}${path}`, { headers: this.headers(), redirect: 'manual' })
    this.keepCookie(response)
    const html = await response.clone().text()
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
    if (token) this.csrfToken = token
    return response
  }

  async post(
    path: string,
    form: Record<string, string | string[]>,
    options: { csrf?: boolean } = {},
  ): Promise<Response> {
    const body = new URLSearchParams()
    if (options.csrf !== false) body.append('_csrf', this.csrfToken)
    for (const [key, value] of Object.entries(form))
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
      redirect: 'manual',
    })
    this.keepCookie(response)
    return response
  }

  /** Posts a form the register must refuse: asserts the answer is 400 and returns the page that explains why. */
  async postRefused(path: string, form: Record<string, string | string[]>): Promise<string> {
    const response = await this.post(path, form)
    assert.equal(response.status, 400, `POST ${path} was answered ${response.status}, not refused with 400`)
    return response.text()
  }

  /**
   * Posts a form the register must accept: asserts the answer is the redirect `status` (302 unless given) and returns
   * where it leads.
   */
  async postRedirected(
    path: string,
    form: Record<string, string | string[]>,
    status: 302 | 303 = 302,
  ): Promise<string> {
    const response = await this.post(path, form)
    assert.equal(response.status, status, `POST ${path} was answered ${response.status}, not redirected with ${status}`)
    return response.headers.get('location') ?? ''
  }

  /** A multipart form (a file upload), with the CSRF token the last page gave. */
  async postMultipart(path: string, form: FormData, options: { csrfFirst?: boolean } = {}): Promise<Response> {
    if (options.csrfFirst) {
      // As a browser sends the form: the token (the form's first field) before the file.
      const ordered = new FormData()
      ordered.append('_csrf', this.csrfToken)
      for (const [key, value] of form.entries()) ordered.append(key, value)
      form = ordered
    } else form.append('_csrf', this.csrfToken)
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: this.headers(),
      body: form,
      redirect: 'manual',
    })
    this.keepCookie(response)
    return response
  }

  async signIn(email: string, password: string): Promise<Response> {
    await this.get('/staff/sign-in')
    return this.post('/staff/sign-in', { email, password })
  }

  private headers(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ') } : {}
  }

  private keepCookie(response: Response): void {
    for (const set of response.headers.getSetCookie()) {
      const [pair = ''] = set.split(';')
      const at = pair.indexOf('=')
      const name = pair.slice(0, at)
      const value = pair.slice(at + 1)
      // A cookie cleared by the server comes back empty or already expired.
      if (!value || /expires=Thu, 01 Jan 1970/i.test(set)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
}
