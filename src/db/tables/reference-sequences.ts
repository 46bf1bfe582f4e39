export interface ReferenceSequencesTable {
  office_id: number
  scope: string
  last_value: number
}
