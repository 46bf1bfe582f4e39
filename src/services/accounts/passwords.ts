import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto'

const KEY_LENGTH = 64
const COST = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

/** scrypt with a random salt, stored as scrypt$N$r$p$salt$hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const key = await scrypt(password, salt, COST)
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const key = await scrypt(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: COST.maxmem,
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** A password for a new account: 4 groups of 4 letters and digits, easy to read out. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(16)
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length])
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

export const MIN_PASSWORD_LENGTH = 12

let commonPasswords: Set<string> | undefined

/** The 49,000 most common passwords from zxcvbn-ts's common-language dictionary, loaded on first use. */
async function commonPasswordList(): Promise<Set<string>> {
  if (!commonPasswords) {
    const { dictionary } = await import('@zxcvbn-ts/language-common')
    commonPasswords = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()))
  }
  return commonPasswords
}

/** Why a chosen password is refused, in words for the person choosing it; null when it is acceptable. */
export async function passwordProblem(password: string): Promise<string | null> {
  const trimmed = password.trim()
  if (trimmed.length < MIN_PASSWORD_LENGTH)
    return `Password must be at least ${MIN_PASSWORD_LENGTH} characters, not counting spaces at either end`
  if (/^(.)\1*$/su.test(trimmed)) return 'Password must not be one character repeated'
  if ((await commonPasswordList()).has(trimmed.toLowerCase()))
    return 'Password is one of the most common passwords: choose one that is harder to guess'
  return null
}
