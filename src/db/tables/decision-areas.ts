export interface DecisionAreasTable {
  decision_id: number
  area_id: number
}
