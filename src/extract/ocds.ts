/**
 * Open Contracting (OCDS) procurement records printed as JSON: a release or compiled release. The fields
 * the register needs are read from their standard places instead of from the text: tender.id, tender.title,
 * tender.value, tender.contractPeriod, the release date, and awards with named suppliers.
 */
import type { Pence } from '../domain/money.ts'

export interface OcdsFields {
  reference: string | null
  title: string | null
  date: string | null
  total: Pence | null
  start: string | null
  end: string | null
  awards: Array<{ recipient: string; amount: Pence }>
}

type Json = Record<string, unknown>

function obj(value: unknown): Json | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null
}

function day(value: unknown): string | null {
  const text = str(value)
  return text && /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null
}

function pence(value: unknown): Pence | null {
  const v = obj(value)
  if (!v || typeof v.amount !== 'number' || !Number.isFinite(v.amount)) return null
  if (v.currency !== undefined && v.currency !== 'GBP') return null
  return Math.round(v.amount * 100) as Pence
}

/** The OCDS fields of a document that is one JSON release, or null when it is not one. */
export function readOcds(text: string): OcdsFields | null {
  const trimmed = text.trim()
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(trimmed)
  } catch {
    // a record printed to PDF or Word comes back with long strings wrapped over several lines
    try {
      parsed = JSON.parse(trimmed.replace(/\s*\n\s*/g, ' '))
    } catch {
      return null
    }
  }
  let release = obj(parsed)
  if (!release) return null
  const records = Array.isArray(release.releases)
    ? release.releases
    : Array.isArray(release.records)
      ? release.records
      : null
  if (records?.length) release = obj(obj(records.at(-1))?.compiledRelease) ?? obj(records.at(-1))
  if (!release || !(typeof release.ocid === 'string' || obj(release.tender))) return null
  const tender = obj(release.tender) ?? {}
  const period = obj(tender.contractPeriod) ?? {}
  const awards: OcdsFields['awards'] = []
  for (const award of Array.isArray(release.awards) ? release.awards : []) {
    const a = obj(award)
    const amount = pence(a?.value)
    const suppliers = Array.isArray(a?.suppliers)
      ? a.suppliers.map((s) => str(obj(s)?.name)).filter((n): n is string => !!n)
      : []
    if (amount !== null && suppliers.length === 1) awards.push({ recipient: suppliers[0]!, amount })
  }
  return {
    reference: str(tender.id),
    title: str(tender.title),
    date: day(release.date),
    total: pence(tender.value),
    start: day(period.startDate),
    end: day(period.endDate),
    awards,
  }
}
