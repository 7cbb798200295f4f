// Shift-lead PINs: stored as scrypt hashes with a per-PIN salt, compared in constant time.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

const COST = 16384

export function hashPin(pin: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(pin, salt, 32, { N: COST })
  return `scrypt$${COST}$${salt.toString('base64')}$${hash.toString('base64')}`
}

export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, cost, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N: Number(cost) })
  return timingSafeEqual(actual, expected)
}
