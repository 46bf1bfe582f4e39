/** Kinds of commissioned service, as stored in services.service_type. */
export const SERVICE_TYPES = [
  'idva',
  'isva',
  'outreach',
  'refuge',
  'perpetrator_programme',
  'helpline',
  'partnership_car',
  'survivor_support',
  'counselling',
  'other',
] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]

export const SERVICE_TYPE_LABELS: Record<ServiceType, string> = {
  idva: 'IDVA service',
  isva: 'ISVA service',
  outreach: 'Outreach',
  refuge: 'Refuge',
  perpetrator_programme: 'Perpetrator programme',
  helpline: 'Helpline',
  partnership_car: 'Partnership car',
  survivor_support: 'Survivor support',
  counselling: 'Counselling',
  other: 'Other service',
}

export function serviceTypeLabel(type: string | null): string {
  return type ? (SERVICE_TYPE_LABELS[type as ServiceType] ?? type) : ''
}
