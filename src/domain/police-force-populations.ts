/**
 * The population of each police force area of England and Wales (the 43 territorial forces; London's two forces,
 * the Metropolitan Police and the City of London Police, as one area), as reference data for per-head figures.
 *
 * The figures are the Office for National Statistics' mid-2018 population estimates by police force area, rounded
 * to the nearest hundred, as the Home Office published them beside police officer numbers at 31 March 2019
 * (Police workforce, England and Wales). `crossChecked` marks the areas whose figure agrees, to the hundred, with a
 * sum of the ONS mid-2018 local authority estimates over the area; the others (London, Nottinghamshire, Thames
 * Valley and the four Welsh forces) rest on the one source. Staff can correct any office's figure (or add a later year).
 */
export const POPULATION_SOURCE =
  'ONS mid-2018 population estimates by police force area, to the nearest hundred, as published in Home Office, Police workforce, England and Wales, 31 March 2019'

export const POPULATION_YEAR = 2018

export interface AreaPopulation {
  area: string
  population: number
  crossChecked: boolean
}

export const POLICE_FORCE_AREA_POPULATIONS: readonly AreaPopulation[] = [
  { area: 'Avon and Somerset', population: 1711500, crossChecked: true },
  { area: 'Bedfordshire', population: 669300, crossChecked: true },
  { area: 'Cambridgeshire', population: 852500, crossChecked: true },
  { area: 'Cheshire', population: 1059300, crossChecked: true },
  { area: 'Cleveland', population: 567700, crossChecked: true },
  { area: 'Cumbria', population: 498900, crossChecked: true },
  { area: 'Derbyshire', population: 1053300, crossChecked: true },
  { area: 'Devon and Cornwall', population: 1762400, crossChecked: true },
  { area: 'Dorset', population: 772300, crossChecked: true },
  { area: 'Durham', population: 633500, crossChecked: true },
  { area: 'Essex', population: 1832800, crossChecked: true },
  { area: 'Gloucestershire', population: 633600, crossChecked: true },
  { area: 'Greater Manchester', population: 2812600, crossChecked: true },
  { area: 'Hampshire', population: 1985800, crossChecked: true },
  { area: 'Hertfordshire', population: 1184400, crossChecked: true },
  { area: 'Humberside', population: 932100, crossChecked: true },
  { area: 'Kent', population: 1846500, crossChecked: true },
  { area: 'Lancashire', population: 1498300, crossChecked: true },
  { area: 'Leicestershire', population: 1093200, crossChecked: true },
  { area: 'Lincolnshire', population: 755800, crossChecked: true },
  { area: 'Merseyside', population: 1423100, crossChecked: true },
  { area: 'London (Metropolitan Police and City of London)', population: 8908100, crossChecked: false },
  { area: 'Norfolk', population: 903700, crossChecked: true },
  { area: 'Northamptonshire', population: 747600, crossChecked: true },
  { area: 'Northumbria', population: 1456600, crossChecked: true },
  { area: 'North Yorkshire', population: 824400, crossChecked: true },
  { area: 'Nottinghamshire', population: 1154200, crossChecked: false },
  { area: 'South Yorkshire', population: 1402900, crossChecked: true },
  { area: 'Staffordshire', population: 1131100, crossChecked: true },
  { area: 'Suffolk', population: 758600, crossChecked: true },
  { area: 'Surrey', population: 1189900, crossChecked: true },
  { area: 'Sussex', population: 1703800, crossChecked: true },
  { area: 'Thames Valley', population: 2407600, crossChecked: false },
  { area: 'Warwickshire', population: 571000, crossChecked: true },
  { area: 'West Mercia', population: 1282200, crossChecked: true },
  { area: 'West Midlands', population: 2916500, crossChecked: true },
  { area: 'West Yorkshire', population: 2320200, crossChecked: true },
  { area: 'Wiltshire', population: 720100, crossChecked: true },
  { area: 'Dyfed-Powys', population: 518100, crossChecked: false },
  { area: 'Gwent', population: 591200, crossChecked: false },
  { area: 'North Wales', population: 698400, crossChecked: false },
  { area: 'South Wales', population: 1331000, crossChecked: false },
]

/** Other names an office may give its area. */
const ALIASES: Record<string, string> = {
  london: 'London (Metropolitan Police and City of London)',
  'metropolitan police': 'London (Metropolitan Police and City of London)',
  'city of london': 'London (Metropolitan Police and City of London)',
  'greater london': 'London (Metropolitan Police and City of London)',
}

const normal = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z]+/g, ' ')
    .trim()} `

/**
 * The police force area an office serves, read from its short name or else its full name: the longest area name
 * either contains as whole words ("West Midlands" before "Midlands", "North Wales" before "Wales"), or undefined.
 */
export function policeForceAreaOf(names: { shortName: string; name: string }): AreaPopulation | undefined {
  for (const text of [names.shortName, names.name]) {
    const words = normal(text)
    const alias = Object.entries(ALIASES)
      .filter(([key]) => words.includes(normal(key)))
      .sort((a, b) => b[0].length - a[0].length)[0]
    if (alias) return POLICE_FORCE_AREA_POPULATIONS.find((p) => p.area === alias[1])
    const found = POLICE_FORCE_AREA_POPULATIONS.filter((p) => words.includes(normal(p.area))).sort(
      (a, b) => b.area.length - a.area.length,
    )[0]
    if (found) return found
  }
  return undefined
}
