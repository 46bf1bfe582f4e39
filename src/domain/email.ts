/**
 * An email's content, kept as structure in the outbox and rendered, when it is sent, as a plain text part and
 * an HTML part in the plain style of GOV.UK Notify: short paragraphs, one link to act on, an inset for quoted
 * text (a returned draft's comment), a list where there are several things. Links are paths on the register;
 * the public address is put in front of them when the message is rendered.
 */
export interface EmailLink {
  text: string
  path: string
}

export interface EmailContent {
  paragraphs: string[]
  /** Quoted text, such as the comment on a returned draft. */
  inset?: string
  /** Items, each optionally linked. */
  list?: Array<{ text: string; path?: string }>
  /** Sections of a digest: a heading and its items. */
  sections?: Array<{ heading: string; items: Array<{ text: string; path?: string }> }>
  /** The page to act on. */
  link?: EmailLink
  /** Why the person gets this email and how to stop it. */
  footer: string[]
  /** The footer's link: the preferences page, or the one-click unsubscribe page. */
  footerLink?: EmailLink
}

export interface RenderedEmail {
  text: string
  html: string
}

export function absoluteUrl(baseUrl: string, path: string): string {
  return new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString()
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

function itemText(item: { text: string; path?: string }, baseUrl: string): string {
  return item.path ? `* ${item.text}\n  ${absoluteUrl(baseUrl, item.path)}` : `* ${item.text}`
}

function itemHtml(item: { text: string; path?: string }, baseUrl: string): string {
  const text = escapeHtml(item.text)
  const inner = item.path
    ? `<a href="${escapeHtml(absoluteUrl(baseUrl, item.path))}" style="${LINK}">${text}</a>`
    : text
  return `<li style="margin: 0 0 5px 0;">${inner}</li>`
}

const FONT = 'font-family: Helvetica, Arial, sans-serif; font-size: 19px; line-height: 1.32; color: #0b0c0c;'
const LINK = 'color: #1d70b8; text-decoration: underline;'
const P = `margin: 0 0 20px 0; ${FONT}`

export function renderEmail(content: EmailContent, baseUrl: string): RenderedEmail {
  const text: string[] = [...content.paragraphs]
  const html: string[] = content.paragraphs.map((p) => `<p style="${P}">${escapeHtml(p)}</p>`)
  if (content.inset) {
    text.push(
      content.inset
        .split('\n')
        .map((line) => `^ ${line}`)
        .join('\n'),
    )
    html.push(
      `<blockquote style="margin: 0 0 20px 0; padding: 15px; border-left: 10px solid #b1b4b6; ${FONT}">${escapeHtml(content.inset).replace(/\n/g, '<br>')}</blockquote>`,
    )
  }
  if (content.list?.length) {
    text.push(content.list.map((item) => itemText(item, baseUrl)).join('\n'))
    html.push(
      `<ul style="margin: 0 0 20px 0; padding-left: 20px; ${FONT}">${content.list.map((i) => itemHtml(i, baseUrl)).join('')}</ul>`,
    )
  }
  for (const section of content.sections ?? []) {
    text.push(`${section.heading}\n${'-'.repeat(section.heading.length)}`)
    html.push(
      `<h2 style="margin: 30px 0 15px 0; font-family: Helvetica, Arial, sans-serif; font-size: 24px; line-height: 1.25; color: #0b0c0c;">${escapeHtml(section.heading)}</h2>`,
    )
    text.push(section.items.map((item) => itemText(item, baseUrl)).join('\n'))
    html.push(
      `<ul style="margin: 0 0 20px 0; padding-left: 20px; ${FONT}">${section.items.map((i) => itemHtml(i, baseUrl)).join('')}</ul>`,
    )
  }
  if (content.link) {
    const url = absoluteUrl(baseUrl, content.link.path)
    text.push(`${content.link.text}:\n${url}`)
    html.push(`<p style="${P}"><a href="${escapeHtml(url)}" style="${LINK}">${escapeHtml(content.link.text)}</a></p>`)
  }
  const footerText = [...content.footer]
  const footerHtml = content.footer.map((p) => escapeHtml(p))
  if (content.footerLink) {
    const url = absoluteUrl(baseUrl, content.footerLink.path)
    footerText.push(`${content.footerLink.text}:\n${url}`)
    footerHtml.push(`<a href="${escapeHtml(url)}" style="${LINK}">${escapeHtml(content.footerLink.text)}</a>`)
  }
  text.push('---', ...footerText)
  html.push(
    `<hr style="border: 0; border-top: 1px solid #b1b4b6; margin: 30px 0 20px 0;">`,
    ...footerHtml.map((p) => `<p style="margin: 0 0 15px 0; ${FONT} font-size: 16px; color: #505a5f;">${p}</p>`),
  )
  return {
    text: `${text.join('\n\n')}\n`,
    html: `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="margin: 0; padding: 20px; background: #ffffff;"><div style="max-width: 580px; margin: 0 auto;">${html.join('\n')}</div></body></html>\n`,
  }
}
