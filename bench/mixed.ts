/**
 * `register_mixed_rps`: load over a fixed mix of distinct public addresses (searches, filters, pages of results,
 * decision, ledger, provider and service pages), which a page cache keyed on the address cannot serve from memory.
 */
import autocannon from 'autocannon'
import type { Services } from '../src/services/index.ts'

const SEARCH_WORDS = [
  'refuge',
  'IDVA',
  'helpline',
  'outreach',
  'perpetrator programme',
  'counselling',
  'young people',
  'male survivors',
  'stalking',
  'safe accommodation',
]

/** At least 50 distinct public addresses, the same for every run with the same data. */
export async function mixedAddresses(app: Services, decisionSlugs: string[]): Promise<string[]> {
  const db = app.database.db
  const offices = await app.register.offices()
  const providers = await db
    .selectFrom('organisations')
    .select('slug')
    .where('kind', '=', 'provider')
    .orderBy('id')
    .limit(6)
    .execute()
  const services = await db.selectFrom('services').select('slug').orderBy('id').limit(4).execute()
  const addresses = [
    ...SEARCH_WORDS.map((word) => `/?q=${encodeURIComponent(word)}`),
    ...[2016, 2018, 2019, 2020, 2021, 2022, 2023, 2024].map((year) => `/?year=${year}`),
    ...[2, 3, 5, 8, 13].map((page) => `/?page=${page}`),
    ...offices.slice(0, 3).map((office) => `/?office=${office.id}`),
    `/?q=refuge&year=2020`,
    `/?q=helpline&page=2`,
    ...decisionSlugs.slice(0, 10).map((slug) => `/decisions/${slug}`),
    ...[2019, 2021, 2023].map((year) => `/ledger?year=${year}`),
    `/ledger?sort=amount&dir=desc`,
    `/ledger?page=3`,
    ...providers.map((provider) => `/providers/${provider.slug}`),
    ...services.map((service) => `/services/${service.slug}`),
    '/providers',
    '/funding-streams',
    '/charts',
  ]
  return [...new Set(addresses)]
}

export async function mixedRequestsPerSecond(base: string, addresses: string[], seconds: number): Promise<number> {
  const result = await autocannon({
    url: base,
    connections: 10,
    duration: seconds,
    requests: addresses.map((path) => ({ method: 'GET', path })),
  })
  if (result.non2xx > 0) throw new Error(`register_mixed: ${result.non2xx} responses were not 2xx`)
  return result.requests.average
}
