// The benchmark's deterministic little world: products, TACs, IMEIs, ids.
// Everything here is pure, so a reused database and a fresh run agree on which
// IMEIs exist (the bulk set) and which are still free (the bench's own range).
import { luhnCheckDigit } from '../src/main/core/scanning/serial'

export type ImeiProduct = { sku: string; name: string; condition: 'used' | 'new'; share: number }

/** Seven phone models: the bulk data's lines and units are spread over them by `share`. */
export const IMEI_PRODUCTS: ImeiProduct[] = [
  { sku: 'APL-IP13-128-MID-U', name: 'Apple iPhone 13 128GB Midnight (used)', condition: 'used', share: 22 },
  { sku: 'APL-IP14-128-BLU-U', name: 'Apple iPhone 14 128GB Blue (used)', condition: 'used', share: 20 },
  { sku: 'APL-IP15-256-BLK-N', name: 'Apple iPhone 15 256GB Black (new)', condition: 'new', share: 12 },
  { sku: 'SAM-S23-256-GRN-U', name: 'Samsung Galaxy S23 256GB Green (used)', condition: 'used', share: 16 },
  { sku: 'SAM-A54-128-WHT-N', name: 'Samsung Galaxy A54 128GB White (new)', condition: 'new', share: 12 },
  { sku: 'GOO-PX7-128-OBS-U', name: 'Google Pixel 7 128GB Obsidian (used)', condition: 'used', share: 10 },
  { sku: 'XIA-RN12-128-GRY-N', name: 'Xiaomi Redmi Note 12 128GB Grey (new)', condition: 'new', share: 8 }
]

/** Catalogue entries no bulk order uses: a pattern-serial tablet and a non-serialized charger. */
export const OTHER_PRODUCTS = [
  {
    sku: 'APL-IPAD9-64-SLV-U',
    name: 'Apple iPad 9 64GB Wi-Fi Silver (used)',
    serialized: 1,
    condition: 'used',
    serialKind: 'serial',
    serialPattern: '[A-Z0-9]{10,12}',
    barcode: null
  },
  {
    sku: 'ACC-USBC-20W',
    name: 'USB-C charger 20W',
    serialized: 0,
    condition: 'new',
    serialKind: 'none',
    serialPattern: null,
    barcode: '4006381333931'
  }
] as const

export const TACS_PER_PRODUCT = 6
/** Per TAC, serial numbers k < BULK_LIMIT may be used by the bulk data; k >= BULK_LIMIT belong to the measurement. */
export const BULK_LIMIT = 800_000
export const REAL_RANGE_START = 850_000
export const FLOOR_RANGE_START = 925_000

/** 8-digit Type Allocation Code of product p's t-th TAC. */
export const tacOf = (p: number, t: number): string => `35${String(100_000 + p * 7_919 + t * 131).padStart(6, '0')}`
export const tacIndex = (p: number, t: number) => p * TACS_PER_PRODUCT + t

/** The k-th IMEI of a TAC: a bijection of k over the 6-digit serial space, plus the Luhn digit. */
export function imei(p: number, t: number, k: number): string {
  const serialNo = (k * 7_919 + tacIndex(p, t) * 104_729) % 1_000_000
  const body = tacOf(p, t) + String(serialNo).padStart(6, '0')
  return body + luhnCheckDigit(body)
}

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const hex8 = (rand: () => number) => ((rand() * 4294967296) >>> 0).toString(16).padStart(8, '0')

/** A UUIDv7 for a given time (what `newId()` would have made then): ids stay time-ordered like the station's. */
export function uuid7At(ms: number, rand: () => number): string {
  const ts = ms.toString(16).padStart(12, '0')
  const a = hex8(rand)
  const b = hex8(rand)
  const c = hex8(rand)
  return `${ts.slice(0, 8)}-${ts.slice(8)}-7${a.slice(0, 3)}-${'89ab'[a.charCodeAt(3) & 3]}${a.slice(4, 7)}-${b}${c.slice(0, 4)}`
}

const DAY_MS = 86_400_000
const dayCache = new Map<number, string>()
const pad = (n: number, w: number) => String(n).padStart(w, '0')

/** `new Date(ms).toISOString()`, faster: the date part is cached per day. */
export function isoAt(ms: number): string {
  const day = Math.floor(ms / DAY_MS)
  let date = dayCache.get(day)
  if (date === undefined) dayCache.set(day, (date = new Date(day * DAY_MS).toISOString().slice(0, 11)))
  let t = ms - day * DAY_MS
  const h = Math.floor(t / 3_600_000)
  t -= h * 3_600_000
  const m = Math.floor(t / 60_000)
  t -= m * 60_000
  const sec = Math.floor(t / 1000)
  return `${date}${pad(h, 2)}:${pad(m, 2)}:${pad(sec, 2)}.${pad(t - sec * 1000, 3)}Z`
}

/** GS1 mod-10 check digit, for realistic SSCCs. */
export function gs1CheckDigit(body: string): number {
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += (body.charCodeAt(body.length - 1 - i) - 48) * (i % 2 === 0 ? 3 : 1)
  return (10 - (sum % 10)) % 10
}
