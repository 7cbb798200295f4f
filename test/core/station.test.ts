import { cpSync, readFileSync, writeFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { checkJournalOrder, runMigrations } from '../../src/main/core/db/migrate'
import { dispatch } from '../../src/main/core/dispatch'
import type { GuardedHandlers } from '../../src/main/station'
import { channels } from '../../src/shared/contract'
import { cleanup, count, createOperators, imei, makeDataDir, openTestStation, snapshot, TAC_A, type TestStation } from './helpers'

afterEach(cleanup)

const DRIZZLE = fileURLToPath(new URL('../../drizzle', import.meta.url))
const SAMPLE = JSON.parse(readFileSync(fileURLToPath(new URL('../../resources/sample-orders.json', import.meta.url)), 'utf8')) as {
  orders: { oms_order_id: string }[]
  products: unknown[]
  operators: unknown[]
}

const silent = () => {}
const call = (t: TestStation, channel: unknown, args?: unknown) => dispatch(t.handlers, channel, args, silent)

async function ok<T = unknown>(t: TestStation, channel: string, args?: unknown): Promise<T> {
  const envelope = await call(t, channel, args)
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code} ${envelope.error.message}`)
  return envelope.value as T
}

/** A station with the sample data loaded, signed out. */
async function sampleStation(): Promise<TestStation> {
  const t = openTestStation()
  await ok(t, 'app:loadSampleData')
  await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
  return t
}

const orderIdByNumber = (t: TestStation, orderNumber: string) =>
  (t.sqlite.prepare('select id from orders where order_number = ?').get(orderNumber) as { id: number }).id

describe('dispatch', () => {
  it('answers a known channel with {ok: true, value}', async () => {
    const t = openTestStation()
    const envelope = await call(t, 'app:info', {})
    expect(envelope).toMatchObject({ ok: true, value: { orderCount: 0, operatorCount: 0, dataDir: t.dataDir } })
    if (envelope.ok) expect((envelope.value as { stationId: string }).stationId).toMatch(/^ST-[0-9A-F]{8}$/)
  })

  it.each([['orders:delete'], ['nope'], ['toString'], ['__proto__'], [42], [null], [undefined]])(
    'refuses the unknown channel %s',
    async (channel) => {
      const t = openTestStation()
      const envelope = await call(t, channel, {})
      expect(envelope.ok).toBe(false)
      if (!envelope.ok) {
        expect(envelope.error.code).toBe('unknown_channel')
        expect(envelope.error.message).toMatch(/There is no station call named/)
      }
    }
  )

  it.each([
    ['a string orderId', 'orders:get', { orderId: '1' }],
    ['a negative orderId', 'packing:save', { orderId: -1 }],
    ['a fractional orderId', 'packing:confirm', { orderId: 1.5 }],
    ['extra keys on a {} channel', 'app:info', { extra: 1 }],
    ['extra keys on loadSampleData', 'app:loadSampleData', { path: '/etc/passwd' }],
    ['a missing input', 'scanning:scan', { orderId: 1 }],
    ['a missing orderId', 'scanning:scan', { input: '490154203237518' }],
    ['a non-string input', 'scanning:scan', { orderId: 1, input: 490154203237518 }],
    ['an over-long input', 'scanning:scan', { orderId: 1, input: '1'.repeat(5000) }],
    ['a missing file name', 'orders:importBegin', { size: 10 }],
    ['an empty file name', 'orders:importBegin', { fileName: '  ' }],
    [
      'a piece that is not base64',
      'orders:importChunk',
      { uploadId: '00000000-0000-4000-8000-000000000000', offset: 0, data: 'not base64!' }
    ],
    [
      'a piece over 4 MiB',
      'orders:importChunk',
      { uploadId: '00000000-0000-4000-8000-000000000000', offset: 0, data: 'A'.repeat(6_000_000) }
    ],
    ['a bad role', 'operators:create', { name: 'X', badgeCode: 'B', role: 'admin' }],
    ['a bad PIN', 'operators:create', { name: 'X', badgeCode: 'B', role: 'shift_lead', pin: '12' }],
    ['a sign-in with neither id nor badge', 'operators:signIn', { name: 'Dana' }],
    ['a bad status filter', 'orders:list', { status: 'lost' }],
    ['a string instead of an object', 'orders:get', '1'],
    ['an array instead of an object', 'orders:get', [1]]
  ])('refuses %s with invalid_arguments and changes nothing', async (_name, channel, args) => {
    const t = await sampleStation()
    const before = snapshot(t.sqlite)
    const envelope = await call(t, channel, args)
    expect(envelope.ok).toBe(false)
    if (!envelope.ok) {
      expect(envelope.error.code).toBe('invalid_arguments')
      expect(envelope.error.message).toContain(`For IT: ${channel} — `)
      expect(envelope.error.message).toContain('Nothing was changed')
    }
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it('treats missing args on a {} channel as {}', async () => {
    const t = openTestStation()
    expect(await call(t, 'operators:list', undefined)).toEqual({ ok: true, value: [] })
    expect(await call(t, 'operators:current', null)).toEqual({ ok: true, value: null })
  })

  it('passes a StationError through as its code, message and catalogue words', async () => {
    const t = openTestStation()
    createOperators(t)
    await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    expect(await call(t, 'orders:get', { orderId: 999 })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'Order 999 does not exist.', key: 'refusals:orders.notFound', params: { orderId: 999 } }
    })
  })

  it('turns a result outside the contract into internal, and logs it', async () => {
    const t = openTestStation()
    const log = vi.fn()
    const handlers = { ...t.handlers, 'app:info': () => ({ version: 1 }) } as unknown as GuardedHandlers
    const envelope = await dispatch(handlers, 'app:info', {}, log)
    expect(envelope).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(log).toHaveBeenCalledTimes(1)
  })

  it('turns a full disk into disk_full and an unknown throw into internal', async () => {
    const t = openTestStation()
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' })
    const handlers = {
      ...t.handlers,
      'app:info': () => {
        throw full
      },
      'operators:list': () => {
        throw new TypeError('boom')
      }
    } as unknown as GuardedHandlers
    expect(await dispatch(handlers, 'app:info', {}, silent)).toMatchObject({ ok: false, error: { code: 'disk_full' } })
    const internal = await dispatch(handlers, 'operators:list', {}, silent)
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal', message: expect.stringContaining('boom') } })
  })

  it('has a handler for every channel of the contract', () => {
    const t = openTestStation()
    for (const channel of channels) expect(typeof t.handlers[channel]).toBe('function')
  })
})

describe('signing in', () => {
  it.each([
    ['scanning:scan', (id: number) => ({ orderId: id, input: imei(`${TAC_A}000001`) })],
    ['packing:save', (id: number) => ({ orderId: id })],
    ['packing:confirm', (id: number) => ({ orderId: id })]
  ] as const)('%s while not signed in is refused with not_signed_in and changes nothing', async (channel, args) => {
    const t = await sampleStation()
    await ok(t, 'operators:signOut')
    const before = snapshot(t.sqlite)
    const envelope = await call(t, channel, args(orderIdByNumber(t, 'SO-10001')))
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not_signed_in', message: expect.stringContaining('Sign in first') } })
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it('after signing out, scanning is refused again', async () => {
    const t = await sampleStation()
    const op = await ok<{ id: number; name: string }>(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    expect(op.name).toBe('Marek Nowak')
    expect(await ok(t, 'operators:current')).toMatchObject({ id: op.id })
    const orderId = orderIdByNumber(t, 'SO-10001')
    const scanned = await ok<{ outcome: string }>(t, 'scanning:scan', { orderId, input: imei(`${TAC_A}000001`) })
    expect(scanned.outcome).toBe('accepted')
    await ok(t, 'operators:signOut')
    const envelope = await call(t, 'scanning:scan', { orderId, input: imei(`${TAC_A}000002`) })
    expect(envelope).toMatchObject({ ok: false, error: { code: 'not_signed_in' } })
    expect(count(t.sqlite, 'scanned_units')).toBe(1)
  })

  it('refuses an unknown badge', async () => {
    const t = await sampleStation()
    expect(await call(t, 'operators:signIn', { badgeCode: 'OP-0000' })).toMatchObject({ ok: false, error: { code: 'unknown_operator' } })
  })
})

describe('app:loadSampleData', () => {
  it('imports resources/sample-orders.json without failures', async () => {
    const t = openTestStation()
    const summary = await ok<{ imported: number; failed: number; failures: unknown[]; productsUpserted: number }>(
      t,
      'app:loadSampleData',
      {}
    )
    expect(summary.failures).toEqual([])
    expect(summary.failed).toBe(0)
    expect(summary.imported).toBe(SAMPLE.orders.length)
    expect(summary.productsUpserted).toBe(SAMPLE.products.length)
    expect(count(t.sqlite, 'orders')).toBe(SAMPLE.orders.length)
    expect(count(t.sqlite, 'operators')).toBe(SAMPLE.operators.length)
    expect(count(t.sqlite, 'failed_imports')).toBe(0)
    expect(count(t.sqlite, 'operators', "role = 'shift_lead' and pin_hash like 'scrypt$%'")).toBe(1)
    expect(count(t.sqlite, 'operators', "pin_hash like '%1234%'")).toBe(0)
  })

  it('loading it twice changes no order', async () => {
    const t = await sampleStation()
    const orders = t.sqlite.prepare('select * from orders').all()
    const summary = await ok<{ imported: number; unchanged: number; failed: number }>(t, 'app:loadSampleData')
    expect(summary).toMatchObject({ imported: 0, unchanged: SAMPLE.orders.length, failed: 0 })
    expect(t.sqlite.prepare('select * from orders').all()).toEqual(orders)
    expect(count(t.sqlite, 'operators')).toBe(SAMPLE.operators.length)
  })
})

describe('persistence', () => {
  it('keeps orders, scans, boxes and the station id after close and reopen of the same data dir', async () => {
    const dataDir = makeDataDir()
    const first = openTestStation(dataDir)
    await ok(first, 'app:loadSampleData')
    const { stationId } = await ok<{ stationId: string }>(first, 'app:info')
    await ok(first, 'operators:signIn', { badgeCode: 'OP-1001' })
    const orderId = orderIdByNumber(first, 'SO-10001')
    const serial = imei(`${TAC_A}000001`)
    expect(await ok(first, 'scanning:scan', { orderId, input: serial })).toMatchObject({ outcome: 'accepted' })
    expect(await ok(first, 'packing:save', { orderId })).toMatchObject({ action: 'box_saved', boxNumber: 1 })
    const before = snapshot(first.sqlite)
    first.close()

    const second = openTestStation(dataDir)
    expect(snapshot(second.sqlite)).toEqual(before)
    const info = await ok<{ stationId: string; orderCount: number; operatorCount: number }>(second, 'app:info')
    expect(info).toMatchObject({ stationId, orderCount: SAMPLE.orders.length, operatorCount: SAMPLE.operators.length })
    // The session is not persisted: the next start begins signed out.
    expect(await ok(second, 'operators:current')).toBeNull()
    await ok(second, 'operators:signIn', { badgeCode: 'OP-1001' })
    const order = await ok<{ status: string; boxes: { units: { serial: string }[] }[] }>(second, 'orders:get', { orderId })
    expect(order.status).toBe('in_progress')
    expect(order.boxes[0].units.map((u) => u.serial)).toEqual([serial])
  })
})

describe('the event log is append-only', () => {
  it('refuses UPDATE and DELETE of an event', async () => {
    const t = await sampleStation()
    const n = count(t.sqlite, 'events')
    expect(n).toBeGreaterThan(0)
    const before = t.sqlite.prepare('select * from events order by id').all()
    expect(() => t.sqlite.prepare("update events set reason = 'rewritten'").run()).toThrow(/append-only/)
    expect(() => t.sqlite.prepare('delete from events').run()).toThrow(/append-only/)
    expect(() => t.sqlite.prepare('delete from events where id = (select min(id) from events)').run()).toThrow(/append-only/)
    expect(t.sqlite.prepare('select * from events order by id').all()).toEqual(before)
  })

  it('still accepts new events', async () => {
    const t = await sampleStation()
    const n = count(t.sqlite, 'events')
    await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    await ok(t, 'scanning:scan', { orderId: orderIdByNumber(t, 'SO-10001'), input: imei(`${TAC_A}000001`) })
    expect(count(t.sqlite, 'events')).toBe(n + 1)
  })
})

describe('migrations', () => {
  function journalCopy(edit: (entries: { idx: number; when: number; tag: string }[]) => void): string {
    const dir = join(makeDataDir(), 'drizzle')
    cpSync(DRIZZLE, dir, { recursive: true })
    const file = join(dir, 'meta', '_journal.json')
    const journal = JSON.parse(readFileSync(file, 'utf8'))
    edit(journal.entries)
    writeFileSync(file, JSON.stringify(journal, null, 2))
    return dir
  }

  it('accepts the journal in drizzle/', () => {
    const entries = checkJournalOrder(DRIZZLE)
    expect(entries.length).toBeGreaterThanOrEqual(2)
    entries.forEach((e, i) => expect(e.idx).toBe(i))
  })

  it('accepts an unchanged copy', () => {
    expect(checkJournalOrder(journalCopy(() => {})).length).toBe(checkJournalOrder(DRIZZLE).length)
  })

  it('throws on a journal with two entries swapped', () => {
    const dir = journalCopy((entries) => {
      ;[entries[0], entries[1]] = [entries[1], entries[0]]
    })
    expect(() => checkJournalOrder(dir)).toThrow(/out of order/)
  })

  it('throws on two entries whose dates are swapped', () => {
    const dir = journalCopy((entries) => {
      const [a, b] = [entries[0], entries[1]]
      ;[a.when, b.when] = [b.when, a.when]
    })
    expect(() => checkJournalOrder(dir)).toThrow(/dated before/)
  })

  it('throws when a migration file is missing', () => {
    const dir = journalCopy(() => {})
    const tag = checkJournalOrder(dir)[1].tag
    rmSync(join(dir, `${tag}.sql`))
    expect(() => checkJournalOrder(dir)).toThrow(`Migration file ${tag}.sql is missing`)
  })

  it('runMigrations refuses a swapped journal before touching the database', () => {
    const t = openTestStation()
    const before = snapshot(t.sqlite)
    const dir = journalCopy((entries) => {
      ;[entries[0], entries[1]] = [entries[1], entries[0]]
    })
    expect(() => runMigrations(t.station.connection, dir)).toThrow(/out of order/)
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it('reopening runs no migration twice', () => {
    const dataDir = makeDataDir()
    const first = openTestStation(dataDir)
    const applied = count(first.sqlite, '__drizzle_migrations')
    expect(applied).toBe(checkJournalOrder(DRIZZLE).length)
    first.close()
    const second = openTestStation(dataDir)
    expect(count(second.sqlite, '__drizzle_migrations')).toBe(applied)
  })
})
