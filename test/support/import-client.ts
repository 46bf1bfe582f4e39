import { StaffClient } from './staff-client.ts'

/**
 * StaffClient with a multipart upload, as a browser sends a file. The session cookie and CSRF token come
 * from a StaffClient request made with the same cookie jar: its last page's form token is read again here.
 */
export class ImportClient extends StaffClient {
  private uploadCookie = ''

  constructor(private readonly base: string) {
    super(base)
  }

  override async get(path: string): Promise<Response> {
    const response = await super.get(path)
    this.remember(response)
    return response
  }

  override async post(
    path: string,
    form: Record<string, string | string[]>,
    options: { csrf?: boolean } = {},
  ): Promise<Response> {
    const response = await super.post(path, form, options)
    this.remember(response)
    return response
  }

  /** Posts the upload form: the CSRF token of the upload page first, then the file. */
  async upload(
    fileName: string,
    content: Uint8Array,
    mediaType = 'application/octet-stream',
    options: { csrf?: boolean } = {},
  ): Promise<Response> {
    const page = await this.get('/staff/imports/upload')
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
    const form = new FormData()
    if (options.csrf !== false) form.append('_csrf', token)
    form.append('document', new Blob([Buffer.from(content)], { type: mediaType }), fileName)
    return fetch(`${this.base}/staff/imports/upload`, {
      method: 'POST',
      body: form,
      headers: this.uploadCookie ? { cookie: this.uploadCookie } : {},
      redirect: 'manual',
    })
  }

  /** The session cookie and the upload form's CSRF token, for an upload sent from another process. */
  async uploadCredentials(): Promise<{ cookie: string; csrf: string }> {
    const page = await this.get('/staff/imports/upload')
    return { cookie: this.uploadCookie, csrf: /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '' }
  }

  private remember(response: Response): void {
    const set = response.headers.getSetCookie().find((c) => c.startsWith('cr.sid='))
    if (set) this.uploadCookie = set.split(';')[0]!
  }
}
