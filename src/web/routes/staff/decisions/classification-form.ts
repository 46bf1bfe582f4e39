import { DECISION_EXEMPTIONS, foiExemptionLabel } from '../../../../domain/foi.ts'
import { LINK_KINDS, type LinkKind } from '../../../../domain/decision.ts'
import type { ClassificationDetails } from '../../../../services/decisions/workflow.ts'
import type { FieldErrors } from '../../../validation.ts'
import { formRows, type Body } from './forms.ts'

/** The exemptions a decision notice may be withheld under, worded as the FOI pages word them. */
export const EXEMPTIONS = DECISION_EXEMPTIONS.map((code) => ({ value: code, text: foiExemptionLabel(code) }))
const exemptionValues: readonly string[] = DECISION_EXEMPTIONS

export function parseClassification(body: Body): { data?: ClassificationDetails; errors: FieldErrors } {
  const classification = String(body.classification ?? '')
  if (!['non_confidential', 'partially_confidential', 'confidential'].includes(classification))
    return { errors: { classification: 'Choose how confidential this decision is' } }
  const errors: FieldErrors = {}
  const exemption = String(body.exemption ?? '')
  if (classification === 'confidential' && !exemptionValues.includes(exemption))
    errors.exemption = 'Choose the exemption that makes the decision confidential'
  const withheldSections: Record<string, string> = {}
  let awardsExemption: string | null = null
  if (classification === 'partially_confidential') {
    for (const key of ['supporting_information', 'financial_information', 'recommendations', 'awards']) {
      if (body[`withhold-${key}`] !== 'yes') continue
      const value = String(body[`exemption-${key}`] ?? '')
      if (!exemptionValues.includes(value))
        errors[`exemption-${key}`] = 'Choose the exemption for each part you withhold'
      else if (key === 'awards') awardsExemption = value
      else withheldSections[key] = value
    }
    if (!Object.keys(withheldSections).length && !awardsExemption && !Object.keys(errors).length)
      errors.classification = 'Choose at least one part to withhold, or choose “Not confidential”'
  }
  if (Object.keys(errors).length) return { errors }
  return {
    data: {
      classification: classification as ClassificationDetails['classification'],
      exemption: classification === 'confidential' ? exemption : null,
      withheldSections,
      awardsExemption,
    },
    errors,
  }
}

export function parseLinks(body: Body): { data?: Array<{ reference: string; kind: LinkKind }>; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const links: Array<{ reference: string; kind: LinkKind }> = []
  formRows(body, 'links').forEach((row, i) => {
    if (!row.reference) return
    if (!(LINK_KINDS as readonly string[]).includes(row.kind ?? ''))
      errors[`links-${i}-kind`] = `Related decision ${i + 1}: choose how it is related`
    else links.push({ reference: row.reference, kind: row.kind as LinkKind })
  })
  return Object.keys(errors).length ? { errors } : { data: links, errors }
}
