// The Import screen's way in: the file goes to the station in pieces over the
// contract's channels (orders:importBegin / importChunk / importFinish /
// importCancel), called through dispatch() as the screens call them, and is
// imported from a staging file that never outlives its import.
import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import { STAGING_FOLDER } from '../../src/main/core/orders/import/importHandlers'
import { stagingUploads } from '../../src/main/core/orders/import/uploads'
import type { Envelope } from '../../src/shared/contract'
import type { ImportProgress, ImportSummary } from '../../src/shared/orders'
import {
  allProducts,
  cleanup,
  count,
  createOperators,
  makeDataDir,
  openTestStation,
  orderRecord,
  snapshot,
  type TestStation
} from '../core/helpers'

afterEach(cleanup)

type Call = (channel: string, args: unknown) => Promise<Envelope<unknown>>

async function signedInStation() {
  const t = openTestStation()
  createOperators(t)
  const call: Call = (channel, args) => dispatch(t.handlers, channel, args, () => {})
  expect((await call('operators:signIn', { badgeCode: 'OP-1001' })).ok).toBe(true)
  const notices: ImportProgress[] = []
  t.station.subscribe((notice, payload) => {
    if (notice === 'orders:importProgress') notices.push(payload as ImportProgress)
  })
  return { t, call, notices }
}

const value = <T>(envelope: Envelope<unknown>): T => {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`)
  return envelope.value as T
}
const codeOf = (envelope: Envelope<unknown>) => (envelope.ok ? 'ok' : envelope.error.code)
const stagingFiles = (t: TestStation) => {
  const folder = join(t.dataDir, STAGING_FOLDER)
  return existsSync(folder) ? readdirSync(folder) : []
}

/** Sends `bytes` in pieces of `piece` bytes, as the screen does; returns the upload id. */
async function upload(call: Call, fileName: string, bytes: Buffer, piece: number, size: number | undefined = bytes.length) {
  const { uploadId } = value<{ uploadId: string }>(await call('orders:importBegin', { fileName, size }))
  for (let offset = 0; offset < bytes.length; offset += piece) {
    const data = bytes.subarray(offset, offset + piece).toString('base64')
    expect(value(await call('orders:importChunk', { uploadId, offset, data }))).toEqual({
      received: Math.min(bytes.length, offset + piece)
    })
  }
  return uploadId
}

/** A JSON order file with names in several scripts, so pieces cut through multi-byte characters. */
function orderFile(orders: number): Buffer {
  const records = Array.from({ length: orders }, (_, i) =>
    orderRecord(i + 1, undefined, {
      ship_to: { name: `王秀英 Łukasz ${i}`, street1: 'Straße 1', city: '北京', postal_code: '100000', country: 'CN' }
    })
  )
  return Buffer.from(JSON.stringify({ products: allProducts(), orders: records }, null, 1))
}

describe('an order file uploaded in pieces', () => {
  it('reassembles the pieces exactly, imports the file, reports progress to the end, and leaves no staging file', async () => {
    const { t, call, notices } = await signedInStation()
    const bytes = orderFile(1500)
    // 7,777-byte pieces: not a multiple of 3 (base64) nor aligned with any character.
    const uploadId = await upload(call, 'orders.json', bytes, 7777)
    expect(stagingFiles(t)).toHaveLength(1)
    const summary = value<ImportSummary>(await call('orders:importFinish', { uploadId }))
    expect(summary).toEqual({ imported: 1500, unchanged: 0, failed: 0, productsUpserted: 4, failures: [] })
    const names = t.sqlite.prepare("select json_extract(ship_to, '$.name') from orders order by id").pluck().all()
    expect(names).toEqual(Array.from({ length: 1500 }, (_, i) => `王秀英 Łukasz ${i}`))
    expect(stagingFiles(t)).toEqual([])

    expect(notices.length).toBeGreaterThan(0)
    expect(notices.every((n) => n.uploadId === uploadId && n.fileName === 'orders.json')).toBe(true)
    const last = notices.at(-1)!
    expect(last).toEqual({
      uploadId,
      fileName: 'orders.json',
      bytesDone: bytes.length,
      bytesTotal: bytes.length,
      ordersDone: 1500,
      failed: 0,
      finished: true
    })
    expect(notices.filter((n) => n.finished)).toHaveLength(1)
    for (let i = 1; i < notices.length; i++) expect(notices[i].ordersDone).toBeGreaterThanOrEqual(notices[i - 1].ordersDone)
  })

  it('refuses an unknown upload id, a piece out of order and more bytes than announced, and changes nothing', async () => {
    const { t, call } = await signedInStation()
    const before = snapshot(t.sqlite)
    const unknown = '00000000-0000-4000-8000-000000000000'
    expect(codeOf(await call('orders:importChunk', { uploadId: unknown, offset: 0, data: 'W10=' }))).toBe('not_found')
    expect(codeOf(await call('orders:importFinish', { uploadId: unknown }))).toBe('not_found')

    const { uploadId } = value<{ uploadId: string }>(await call('orders:importBegin', { fileName: 'x.json', size: 4 }))
    expect(codeOf(await call('orders:importChunk', { uploadId, offset: 2, data: 'W10=' }))).toBe('out_of_order')
    expect(value(await call('orders:importChunk', { uploadId, offset: 0, data: 'W10=' }))).toEqual({ received: 2 })
    expect(codeOf(await call('orders:importChunk', { uploadId, offset: 0, data: 'W10=' }))).toBe('out_of_order')
    expect(codeOf(await call('orders:importChunk', { uploadId, offset: 2, data: Buffer.from('[]\n').toString('base64') }))).toBe('too_long')
    // Finishing with bytes missing imports nothing, and the upload is gone.
    const missing = await call('orders:importFinish', { uploadId })
    expect(codeOf(missing)).toBe('incomplete_upload')
    expect(codeOf(await call('orders:importFinish', { uploadId }))).toBe('not_found')
    expect(stagingFiles(t)).toEqual([])
    expect(snapshot(t.sqlite)).toEqual(before)
  })

  it('refuses an empty file as empty, changes nothing, and drops its staging file', async () => {
    const { t, call } = await signedInStation()
    value(await call('orders:importFinish', { uploadId: await upload(call, 'seed.json', orderFile(2), 1 << 20) }))
    const before = snapshot(t.sqlite)
    const envelope = await call('orders:importFinish', { uploadId: await upload(call, 'empty.csv', Buffer.alloc(0), 1024) })
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'empty_file', message: 'The file is empty: nothing was imported.', key: 'refusals:orders.emptyFile' }
    })
    expect(snapshot(t.sqlite)).toEqual(before)
    expect(stagingFiles(t)).toEqual([])
  })

  it('drops the staging file when the import fails, when the upload is cancelled, and when the station closes', async () => {
    const { t, call } = await signedInStation()
    const broken = await upload(call, 'broken.json', Buffer.from('[{"oms_order_id": "OMS-1",'), 5)
    expect(codeOf(await call('orders:importFinish', { uploadId: broken }))).toBe('bad_file')
    expect(stagingFiles(t)).toEqual([])

    const cancelled = await upload(call, 'a.json', orderFile(3), 100)
    expect(await call('orders:importCancel', { uploadId: cancelled })).toEqual({ ok: true, value: null })
    expect(codeOf(await call('orders:importFinish', { uploadId: cancelled }))).toBe('not_found')
    expect(stagingFiles(t)).toEqual([])

    await upload(call, 'b.json', orderFile(3), 100)
    expect(stagingFiles(t)).toHaveLength(1)
    expect(count(t.sqlite, 'orders')).toBe(0)
    t.close()
    expect(stagingFiles(t)).toEqual([])
  })

  it('is for signed-in operators only', async () => {
    const t = openTestStation()
    createOperators(t)
    const envelope = await dispatch(t.handlers, 'orders:importBegin', { fileName: 'x.json' }, () => {})
    expect(codeOf(envelope)).toBe('not_signed_in')
    expect(stagingFiles(t)).toEqual([])
  })
})

describe('staging files', () => {
  it('sweeps what a crash left behind at the next upload, and drops uploads abandoned for half an hour', () => {
    const folder = join(makeDataDir(), STAGING_FOLDER)
    mkdirSync(folder, { recursive: true })
    writeFileSync(join(folder, 'left-by-a-crash.upload'), 'half a file')
    writeFileSync(join(folder, 'not-ours.txt'), 'kept')
    let now = 0
    const uploads = stagingUploads(folder, () => now)
    const first = uploads.begin('a.json', undefined)
    expect(readdirSync(folder).sort()).toEqual([`${first.uploadId}.upload`, 'not-ours.txt'])
    now += 31 * 60_000
    const second = uploads.begin('b.json', undefined)
    expect(readdirSync(folder).sort()).toEqual([`${second.uploadId}.upload`, 'not-ours.txt'])
    expect(() => uploads.chunk(first.uploadId, 0, Buffer.from('x'))).toThrow(/not open any more/)
    uploads.closeAll()
    expect(readdirSync(folder)).toEqual(['not-ours.txt'])
  })

  it('refuses a file larger than the free disk space before anything is sent', () => {
    const folder = join(makeDataDir(), STAGING_FOLDER)
    const uploads = stagingUploads(folder)
    expect(() => uploads.begin('huge.json', Number.MAX_SAFE_INTEGER)).toThrow(/MB free: nothing was imported/)
    expect(uploads.open).toBe(0)
    expect(readdirSync(folder)).toEqual([])
  })
})
