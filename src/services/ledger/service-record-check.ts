import type { ServiceChoices, ServiceRecord } from '../../db/repositories/ledger/service-writes.ts'
import { SERVICE_TYPES } from '../../domain/service-types.ts'
import { FormError } from '../shared/form-error.ts'

/**
 * Checks a whole service record against the register's choices (each page has checked its own fields);
 * `selfId` is the service being edited, null for a new one. Throws a FormError naming each wrong field.
 */
export function checkServiceRecord(record: ServiceRecord, selfId: number | null, choices: ServiceChoices): void {
  const errors: Record<string, string> = {}
  if (!record.name.trim()) errors.name = 'Enter the service’s name'
  if (!(SERVICE_TYPES as readonly string[]).includes(record.serviceType)) errors.serviceType = 'Choose the type'
  if (record.startDate && record.endDate && record.endDate < record.startDate)
    errors.endDate = 'The end date must be the same as or after the start date'
  const areas = new Set(choices.areas.map((a) => a.id))
  const organisations = new Set(choices.organisations.map((o) => o.id))
  if (record.areaIds.some((id) => !areas.has(id))) errors.areaIds = 'Choose areas from the list'
  if (record.providerIds.some((id) => !organisations.has(id))) errors.providerIds = 'Choose providers from the list'
  if (record.leadCommissionerId !== null && !organisations.has(record.leadCommissionerId))
    errors.leadCommissionerId = 'Choose the lead commissioner from the list'
  if (record.partners.some((p) => !organisations.has(p.organisationId)))
    errors.partners = 'Choose partners from the list'
  if (new Set(record.partners.map((p) => p.organisationId)).size !== record.partners.length)
    errors.partners = 'Each partner can be listed once'
  if (record.predecessorId !== null) {
    if (record.predecessorId === selfId) errors.predecessorId = 'A service cannot replace itself'
    else if (!choices.services.some((s) => s.id === record.predecessorId))
      errors.predecessorId = 'Choose the service it replaces from the list'
  }
  if (Object.keys(errors).length) throw new FormError(errors)
}
