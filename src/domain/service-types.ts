import { labelledWords } from './words.ts'

/** Kinds of commissioned service, as stored in services.service_type. */
export const { words: SERVICE_TYPES, labels: SERVICE_TYPE_LABELS } = labelledWords({
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
})
export type ServiceType = (typeof SERVICE_TYPES)[number]

export function serviceTypeLabel(type: string | null): string {
  return type ? (SERVICE_TYPE_LABELS[type as ServiceType] ?? type) : ''
}

const TYPE_WORDS: Array<[ServiceType, RegExp]> = [
  ['idva', /\bidvas?\b|independent domestic (?:violence|abuse) advis/i],
  ['isva', /\bisvas?\b|independent sexual violence advis/i],
  ['refuge', /\brefuges?\b/i],
  ['perpetrator_programme', /\bperpetrators?\b/i],
  ['helpline', /\bhelplines?\b|\bphone ?line\b/i],
  ['partnership_car', /\b(?:partnership|night|triage) car\b/i],
  ['counselling', /\bcounsell?ing\b|\btherap/i],
  ['outreach', /\boutreach\b/i],
  ['survivor_support', /\bsurvivors?\b|\bvictim support\b/i],
]

/** The kind of service words such as an award's purpose suggest ("IDVA posts" → idva), or '' when none does. */
export function guessServiceType(words: string): ServiceType | '' {
  return TYPE_WORDS.find(([, pattern]) => pattern.test(words))?.[0] ?? ''
}
