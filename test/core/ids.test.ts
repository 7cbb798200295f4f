import { describe, expect, it } from 'vitest'
import { validate, version } from 'uuid'
import { newId } from '../../src/main/core/ids'

describe('newId', () => {
  it('makes UUIDv7s, unique and in the order they were made, across refills of its random pool', () => {
    const before = Date.now()
    const ids = Array.from({ length: 5_000 }, () => newId())
    const after = Date.now()
    for (const id of ids) {
      expect(validate(id)).toBe(true)
      expect(version(id)).toBe(7)
    }
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual(ids)
    const ms = (id: string) => parseInt(id.replace(/-/g, '').slice(0, 12), 16)
    expect(ms(ids[0])).toBeGreaterThanOrEqual(before)
    expect(ms(ids.at(-1)!)).toBeLessThanOrEqual(after + 1)
  })

  it('does not repeat the random tail of an id when the pool refills', () => {
    const tails = new Set(Array.from({ length: 2_000 }, () => newId().slice(-12)))
    expect(tails.size).toBe(2_000)
  })
})
