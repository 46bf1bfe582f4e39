export interface SessionsTable {
  sid: string
  user_id: number | null
  data: unknown
  expires_at: Date
}
