/** All configuration comes from environment variables, read here and nowhere else. */
import type { ReadLimits } from './extract/limits.ts'

export class ConfigError extends Error {}

const production = process.env.NODE_ENV === 'production'

function get(name: string, fallback: string, options: { requireInProduction?: boolean } = {}): string {
  const value = process.env[name]
  if (value !== undefined && value !== '') return value
  if (production && options.requireInProduction) throw new ConfigError(`${name} must be set in production`)
  return fallback
}

function integer(name: string, fallback: number): number {
  const raw = get(name, String(fallback))
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0) throw new ConfigError(`${name} must be a whole number, not "${raw}"`)
  return value
}

function positiveInteger(name: string, fallback: number): number {
  const value = integer(name, fallback)
  if (value === 0) throw new ConfigError(`${name} must be at least 1`)
  return value
}

/** How much of one imported document the register reads, and for how long (see src/extract/limits.ts). */
function importLimits(): ReadLimits {
  return {
    maxPages: positiveInteger('IMPORT_MAX_PAGES', 500),
    maxScannedPages: positiveInteger('IMPORT_MAX_SCANNED_PAGES', 30),
    maxTextCharacters: positiveInteger('IMPORT_MAX_TEXT_CHARACTERS', 5_000_000),
    maxExpandedBytes: positiveInteger('IMPORT_MAX_EXPANDED_BYTES', 100 * 1024 * 1024),
    maxCompressionRatio: positiveInteger('IMPORT_MAX_COMPRESSION_RATIO', 100),
    timeoutMs: positiveInteger('IMPORT_TIMEOUT_SECONDS', 30) * 1000,
    memoryMb: positiveInteger('IMPORT_MEMORY_MB', 512),
  }
}

export interface Config {
  production: boolean
  port: number
  host: string
  databaseUrl: string | null
  dataDir: string
  sessionSecret: string
  publicBaseUrl: string
  logLevel: string
  maxUploadBytes: number
  importLimits: ReadLimits
  publicCacheSeconds: number
  foiPersonalDataRetentionDays: number
  backupSigningKey: string
  /** smtp://user:pass@host:587; null writes each email to the log instead. */
  smtpUrl: string | null
  mailFrom: string
}

export function loadConfig(): Config {
  const port = integer('PORT', 3000)
  return {
    production,
    port,
    host: get('HOST', '0.0.0.0'),
    databaseUrl: get('DATABASE_URL', '') || null,
    dataDir: get('DATA_DIR', './data'),
    sessionSecret: get('SESSION_SECRET', 'development-only-session-secret', { requireInProduction: true }),
    publicBaseUrl: get('PUBLIC_BASE_URL', `http://localhost:${port}`),
    logLevel: get('LOG_LEVEL', 'info'),
    maxUploadBytes: integer('MAX_UPLOAD_BYTES', 25 * 1024 * 1024),
    importLimits: importLimits(),
    publicCacheSeconds: integer('PUBLIC_CACHE_SECONDS', 2),
    foiPersonalDataRetentionDays: integer('FOI_PERSONAL_DATA_RETENTION_DAYS', 730),
    backupSigningKey: get('BACKUP_SIGNING_KEY', 'development-only-backup-signing-key', { requireInProduction: true }),
    smtpUrl: smtpUrl(),
    mailFrom: mailFrom(),
  }
}

function smtpUrl(): string | null {
  const value = get('SMTP_URL', '')
  if (!value) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new ConfigError('SMTP_URL must be an address like smtp://user:pass@host:587')
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new ConfigError('SMTP_URL must start with smtp:// or smtps://, like smtp://user:pass@host:587')
  return value
}

function mailFrom(): string {
  const value = get('MAIL_FROM', 'commissioning-register@localhost')
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(value))
    throw new ConfigError(`MAIL_FROM must be one email address, like notifications@opcc.example.org, not "${value}"`)
  return value
}
