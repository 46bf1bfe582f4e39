export interface SignInAttemptsTable {
  /** sha256 of the lower-cased email address: unknown addresses are counted without being kept. */
  email_hash: string
  attempts: number
  window_started: Date
}

export interface DecisionEditorsTable {
  decision_id: number
  user_id: number
}
