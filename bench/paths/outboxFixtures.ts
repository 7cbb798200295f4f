// The outbox benchmark's fixtures: waiting events written as packing writes
// them, the batches the relay would post, and the stand-in OMS (tools/oms-dev)
// in a process of its own on a free loopback port, as a real OMS would be.
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Core } from '../../src/main/core/core'
import { recordExportedEvent } from '../../src/main/core/events/eventLog'
import { API_PREFIX, CONTRACT_VERSION, STATION_HEADER, VERSION_HEADER } from '../../src/main/core/sync/omsWire'
import { nextBatch } from '../../src/main/core/sync/outboxRows'
import { eventBatchJson } from '../../src/main/core/sync/wireJson'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const work = join(root, 'bench', '.work')

const UNITS_PER_BOX = 10

/**
 * `n` events as packing writes them, through the real event-recording path: per order
 * order.in_progress, box.confirmed with 10 serials, order.packed; one operator.
 */
export function seedEvents(core: Core, n: number): void {
  const { sqlite } = core.connection
  const { db } = core.context
  const now = new Date().toISOString()
  const operatorId = Number(
    sqlite
      .prepare("insert into operators (name, badge_code, role, created_at) values ('Bench Operator', 'BENCH-OP', 'operator', ?)")
      .run(now).lastInsertRowid
  )
  const insertOrder = sqlite.prepare(`INSERT INTO orders (oms_order_id, order_number, channel, channel_order_id, order_type, ship_to,
    carrier, service, priority, oms_created_at, status, oms_status, content_hash, imported_at, updated_at)
    VALUES (?, ?, 'shopify', ?, 'normal', '{}', 'dhl', 'parcel', 0, ?, 'packed', 'paid', ?, ?, ?)`)
  const base = Date.now() - n
  let written = 0
  let order = 0
  while (written < n) {
    db.transaction((tx) => {
      for (let k = 0; k < 1_000 && written < n; k++, order++) {
        const ref = `BENCH-OB-${order}`
        const orderId = Number(insertOrder.run(ref, ref, ref, now, ref, now, now).lastInsertRowid)
        const serials = Array.from({ length: UNITS_PER_BOX }, (_, u) => String(350000000000000 + order * UNITS_PER_BOX + u))
        const orderRef = { omsOrderId: ref, orderNumber: ref }
        const status = (from: string, to: string, at: string) => ({ ...orderRef, from, to, at, operatorId })
        const boxId = `box-${order}`
        const payloads: [string, unknown][] = [
          ['order.in_progress', status('ready', 'in_progress', now)],
          [
            'box.confirmed',
            { ...orderRef, boxId, boxNumber: 1, sscc: null, presetName: 'M', dimensionsMm: null, weightG: 1200, units: units(serials) }
          ],
          ['order.packed', { ...status('in_progress', 'packed', now), boxes: [{ boxId, number: 1, sscc: null, serials }] }]
        ]
        for (const [type, payload] of payloads) {
          if (written >= n) break
          const at = new Date(base + written++).toISOString()
          recordExportedEvent(tx, { at, type, operatorId, orderId, entityId: ref, payload })
        }
      }
    })
  }
}

const units = (serials: string[]) =>
  serials.map((serial, u) => ({
    unitId: `unit-${serial}`,
    lineId: String(u % 2),
    sku: 'SKU-1',
    serial,
    serial2: null,
    entryMethod: 'scanned'
  }))

/** Every waiting event as the relay batches it (oldest first, `size` per batch), serialized as the request body. */
export function batchBodies(core: Core, size: number): { stationId: string; bodies: string[] } {
  const { db, stationId } = core.context
  const count = (core.connection.sqlite.prepare('select count(*) from outbox').pluck().get() as number) || 1
  const all = nextBatch(db, stationId, new Date().toISOString(), count).map(({ orderKey: _k, attempts: _a, ...event }) => event)
  const bodies: string[] = []
  for (let i = 0; i < all.length; i += size) bodies.push(eventBatchJson(stationId, all.slice(i, i + size)))
  return { stationId, bodies }
}

/** One batch posted as the station posts it (the contract's station and version headers), with nothing else around it. */
export async function postRaw(url: string, stationId: string, body: string): Promise<void> {
  const response = await fetch(`${url}${API_PREFIX}/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      [STATION_HEADER]: stationId,
      [VERSION_HEADER]: CONTRACT_VERSION
    },
    body
  })
  await response.json()
  if (!response.ok) throw new Error(`raw post answered ${response.status}`)
}

export type Oms = { url: string; stop(): Promise<void> }

/** The stand-in OMS in a process of its own (its CLI), with no orders to pull, answering once it says so. */
export function spawnOms(port: number): Promise<Oms> {
  const noOrders = join(work, 'outbox-no-orders.json')
  writeFileSync(noOrders, '{"orders":[],"products":[]}')
  const args = ['--port', String(port), '--db', ':memory:', '--orders', noOrders, '--seed', '1', '--quiet']
  return spawnServer(join(root, 'tools/oms-dev/cli.ts'), args, 'Stand-in OMS on', port)
}

/** The acknowledging OMS (./omsSink.ts) in a process of its own: what the station's side of the drain can do. */
export function spawnSink(port: number): Promise<Oms> {
  return spawnServer(join(root, 'bench/paths/omsSink.ts'), ['--port', String(port)], 'OMS sink on', port)
}

/** A TypeScript server script under tsx in a process of its own, answering once it prints `ready`. */
async function spawnServer(script: string, args: string[], ready: string, port: number): Promise<Oms> {
  const child: ChildProcess = spawn(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), script, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    let said = ''
    child.stdout!.on('data', (chunk) => {
      said += String(chunk)
      if (said.includes(ready)) resolve()
    })
    child.once('exit', (code) => reject(new Error(`${script} exited (${code}) before listening: ${said}`)))
  })
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill('SIGTERM')
      await exited
    }
  }
}

/** Events the stand-in OMS accepted (its admin statistics). */
export async function acceptedBy(url: string): Promise<number> {
  const stats = (await (await fetch(`${url}/admin/stats`)).json()) as { tally: { accepted: number } }
  return stats.tally.accepted
}

/** Events the acknowledging OMS answered (each acknowledged once per post: a repeat post counts again). */
export async function acknowledgedBy(url: string): Promise<number> {
  return ((await (await fetch(`${url}${API_PREFIX}/sink/counts`)).json()) as { events: number }).events
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
