export interface ServiceAreasTable {
  service_id: number
  area_id: number
}
