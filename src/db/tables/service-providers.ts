export interface ServiceProvidersTable {
  service_id: number
  organisation_id: number
}
