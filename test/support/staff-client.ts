/** A minimal browser for integration tests: keeps the session cookie and sends each form's CSRF token. */
export class StaffClient {
  private cookie = ''
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

  async post(path: string, form: Record<string, string | string[]>, options: { csrf?: boolean } = {}): Promise<Response> {
    const body = new URLSearchParams()
    if (options.csrf !== false) body.append('_csrf', this.csrfToken)
    for (const [key, value] of Object.entries(form)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v)
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
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
    return this.cookie ? { cookie: this.cookie } : {}
  }

  private keepCookie(response: Response): void {
    const set = response.headers.getSetCookie().find((c) => c.startsWith('cr.sid='))
    if (set) this.cookie = set.split(';')[0]!
  }
}
