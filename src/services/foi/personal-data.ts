/**
 * Finding an FOI requester's name or contact in text that is about to be published. A response rarely
 * repeats the full name ("Dear Mr Quillfeather" for Barnaby Quillfeather), so each part is looked for on
 * its own: the surname, every forename of three letters or more, the email address and its local part,
 * and a phone number's digits whatever the spacing, all ignoring case and accents.
 */

export interface PersonalDataMarker {
  /** What was found, for the person who must remove it: `their surname “Quillfeather”`. */
  label: string
  appearsIn(text: string): boolean
}

export interface PublishableText {
  /** Where the text will appear: `the summary`, `the answer to question 2`. */
  place: string
  text: string | null
}

/** Forms of address that say nothing about who the requester is. */
const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'dr',
  'prof',
  'professor',
  'sir',
  'dame',
  'lord',
  'lady',
  'rev',
  'revd',
  'the',
])
const MIN_FORENAME_LETTERS = 3
const MIN_PHONE_DIGITS = 7

/** Lower case without accents: "Zoë ÖZTÜRK" becomes "zoe ozturk". */
export function foldForComparison(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** A whole word or phrase of folded text, not part of a longer word. */
function wordMatcher(folded: string): (text: string) => boolean {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(folded)}(?![\\p{L}\\p{N}])`, 'u')
  return (text) => pattern.test(foldForComparison(text))
}

/** A UK or international number reduced to what follows its trunk or country prefix. */
function significantDigits(digits: string): string {
  return digits.replace(/^(00|\+)?44/, '').replace(/^0+/, '')
}

function phoneMatcher(contact: string): ((text: string) => boolean) | null {
  const digits = significantDigits(contact.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, ''))
  if (digits.length < MIN_PHONE_DIGITS) return null
  return (text) => {
    for (const [run] of text.matchAll(/\+?\d[\d\s().\-/]*\d/g)) {
      if (significantDigits(run.replace(/[^\d+]/g, '')).includes(digits)) return true
    }
    return false
  }
}

function nameMarkers(name: string): PersonalDataMarker[] {
  const parts = foldForComparison(name)
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((part) => part.replace(/^['’-]+|['’-]+$/g, ''))
    .filter((part) => part && !HONORIFICS.has(part.replace(/\.$/, '')))
  if (!parts.length) return []
  const surname = parts[parts.length - 1]!
  const markers: PersonalDataMarker[] = [{ label: `their surname “${surname}”`, appearsIn: wordMatcher(surname) }]
  for (const piece of surname.split('-').filter((p) => p !== surname && p.length >= MIN_FORENAME_LETTERS)) {
    markers.push({ label: `part of their surname “${piece}”`, appearsIn: wordMatcher(piece) })
  }
  for (const forename of parts.slice(0, -1).filter((p) => [...p].length >= MIN_FORENAME_LETTERS)) {
    markers.push({ label: `their forename “${forename}”`, appearsIn: wordMatcher(forename) })
  }
  return markers
}

function contactMarkers(contact: string): PersonalDataMarker[] {
  const trimmed = contact.trim()
  const markers: PersonalDataMarker[] = []
  const email = /^([^\s@]+)@([^\s@]+\.[^\s@]+)$/.exec(trimmed)
  if (email) {
    const local = foldForComparison(email[1]!)
    markers.push({
      label: `their email address “${trimmed}”`,
      appearsIn: (text) => foldForComparison(text).includes(foldForComparison(trimmed)),
    })
    if (local.length >= MIN_FORENAME_LETTERS)
      markers.push({ label: `their email name “${local}”`, appearsIn: wordMatcher(local) })
    return markers
  }
  const phone = phoneMatcher(trimmed)
  if (phone) markers.push({ label: `their phone number “${trimmed}”`, appearsIn: phone })
  else if (trimmed.length >= MIN_FORENAME_LETTERS)
    markers.push({ label: `their contact “${trimmed}”`, appearsIn: wordMatcher(foldForComparison(trimmed)) })
  return markers
}

/** Everything that would identify the requester if it were published. */
export function requesterMarkers(name: string | null, contact: string | null): PersonalDataMarker[] {
  return [...(name?.trim() ? nameMarkers(name) : []), ...(contact?.trim() ? contactMarkers(contact) : [])]
}

/** A sentence saying which part of the requester's name or contact appears where, or null when none does. */
export function findRequesterIn(
  texts: readonly PublishableText[],
  name: string | null,
  contact: string | null,
): string | null {
  const markers = requesterMarkers(name, contact)
  for (const { place, text } of texts) {
    if (!text) continue
    const found = markers.find((marker) => marker.appearsIn(text))
    if (found)
      return `${place[0]!.toUpperCase()}${place.slice(1)} contains the requester’s name or contact (${found.label}): remove it before publishing`
  }
  return null
}
