// The station's side of packing evidence (issue 17): which orders are being
// recorded now, where their chunks and stills go, the markers the core adds
// as scans and boxes happen (./markers.ts), the seal at the stop, sealing at
// start-up what a crash cut short, and retention on a timer. Plain Node.
import { eq, inArray } from 'drizzle-orm'
import { DEFAULT_EVIDENCE_SETTINGS, EvidenceSettings, type EvidenceSession, type StopReason } from '../../../shared/evidence'
import { everyInterval } from '../background'
import type { StationContext } from '../context'
import { orders, returns } from '../db/schema'
import { refuse } from '../errors'
import { newId } from '../ids'
import { log, logFault } from '../log/logger'
import { jsonSetting } from '../settings/jsonSetting'
import type { SecretStore } from '../sync/secretStore'
import { sessionFolder, sessionsOf, unsealedSessions } from './evidenceFolder'
import type { Marker } from './journal'
import { readJournal, JOURNAL_FILE, MANIFEST_FILE } from './journal'
import { Manifest } from './manifest'
import { EvidenceRecording, seal } from './recording'
import { applyRetention, storedSessions, WARN_AT } from './retention'
import { mediaGrants } from './mediaGrants'
import { playableParts } from './playable'
import { orderOf } from './disputes'
import { stationKey, type StationKey } from './stationKey'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const setting = jsonSetting('evidence.settings', EvidenceSettings, DEFAULT_EVIDENCE_SETTINGS)
export const readEvidenceSettings = setting.read
export const writeEvidenceSettings = setting.write

const HOUR = 3_600_000

type Open = { recording: EvidenceRecording; orderId: number }

export type EvidenceService = ReturnType<typeof evidenceService>

export function evidenceService(context: StationContext, secrets: SecretStore) {
  const { db, clock, dataDir } = context
  const open = new Map<string, Open>()
  let key: StationKey | null = null
  const sealKey = () => (key ??= stationKey(secrets))

  const openFor = (sessionId: string): Open => open.get(sessionId) ?? refuse('not_found', { key: 'evidence:refusal.notOpen' })

  // What a crash or a power cut cut short is sealed now, up to its last whole chunk.
  const sealedAtStart = (async () => {
    for (const folder of unsealedSessions(dataDir)) {
      try {
        await seal(folder, sealKey(), clock())
        log.warn({ folder }, `Packing evidence ${folder} was cut short when the station stopped; sealed up to its last whole chunk.`)
      } catch (error) {
        logFault(`Sealing the interrupted packing evidence ${folder} failed`, error)
      }
    }
  })()

  // The disk the evidence takes: counted by each retention run, plus what was written since.
  let used: { bytes: number } | null = null
  const wrote = (bytes: number) => {
    if (used) used.bytes += bytes
  }

  const retention = () => {
    const policy = readEvidenceSettings(db)
    const plan = applyRetention(
      dataDir,
      { days: policy.retentionDays, quotaBytes: policy.quotaMb * 1_000_000 },
      clock(),
      (orderNumbers) => withReturns(context, orderNumbers),
      new Set([...open.values()].map((o) => o.recording.folder))
    )
    if (plan.warning) log.warn({}, plan.warning)
    used = { bytes: plan.usedBytes }
    return plan
  }
  const stopRetention = everyInterval('Packing evidence retention', HOUR, retention)
  const grants = mediaGrants(() => clock().getTime())

  const stop = async (sessionId: string, reason: StopReason): Promise<EvidenceSession> => {
    const { recording } = openFor(sessionId)
    open.delete(sessionId)
    const manifest = await recording.stop(reason.replace('_', ' '), clock(), sealKey())
    return sessionOf(manifest)
  }

  return {
    settings: () => readEvidenceSettings(db),
    saveSettings: (value: EvidenceSettings) => writeEvidenceSettings(db, value),

    async start(orderId: number, mimeType: string) {
      if (!readEvidenceSettings(db).enabled) return refuse('evidence_off', { key: 'evidence:refusal.off' })
      const order =
        db.select().from(orders).where(eq(orders.id, orderId)).get() ??
        refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId } })
      await sealedAtStart
      // One recording per order: opening the order again (a screen drawn twice) goes on with it.
      const already = [...open.entries()].find(([, o]) => o.orderId === orderId)
      if (already) return { sessionId: already[0], startedAt: already[1].recording.start.startedAt }
      const operator = context.operator()
      const sessionId = newId()
      const startedAt = clock().toISOString()
      const recording = await EvidenceRecording.begin(sessionFolder(dataDir, order.orderNumber, sessionId), {
        sessionId,
        orderId,
        orderNumber: order.orderNumber,
        channelOrderId: order.channelOrderId,
        stationId: context.stationId,
        operatorId: operator.id,
        operatorName: operator.name,
        mimeType,
        startedAt
      })
      open.set(sessionId, { recording, orderId })
      return { sessionId, startedAt }
    },

    async chunk(sessionId: string, bytes: Uint8Array) {
      const entry = await openFor(sessionId).recording.appendChunk(bytes, clock())
      wrote(bytes.length)
      return { chunk: entry.n, bytes: entry.bytes }
    },

    async still(sessionId: string, boxId: string, bytes: Uint8Array) {
      const { recording } = openFor(sessionId)
      await recording.still(`box-${boxId.replace(/[^\w-]/g, '_')}-${newId().slice(-6)}.jpg`, bytes, clock())
      wrote(bytes.length)
      return null
    },

    stop,

    /** A marker for whatever is being recorded of this order now (nothing when it is not recorded). */
    mark(orderId: number, marker: Omit<Marker, 'offsetMs' | 'at' | 'operatorId'>) {
      for (const { recording, orderId: recorded } of open.values()) {
        if (recorded !== orderId) continue
        recording
          .marker({ ...marker, operatorId: context.signedIn()?.id ?? null, at: clock().toISOString() })
          .catch((error) => logFault('Recording a packing evidence marker failed', error))
      }
    },

    /** The order's recording stops and is sealed (its Packing Confirmation); nothing when it is not recorded. */
    async stopOrder(orderId: number, reason: StopReason) {
      const sessions = [...open.entries()].filter(([, o]) => o.orderId === orderId).map(([sessionId]) => sessionId)
      await Promise.all(
        sessions.map((sessionId) => stop(sessionId, reason).catch((error) => logFault('Sealing packing evidence failed', error)))
      )
    },

    /** Every recording stops (sign-out, the station closing): each is sealed, and every viewing ends. */
    async stopAll(reason: StopReason) {
      grants.clear()
      await Promise.all(
        [...open.keys()].map((sessionId) => stop(sessionId, reason).catch((error) => logFault('Sealing packing evidence failed', error)))
      )
    },

    ofOrder(orderId: number): EvidenceSession[] {
      const order = db.select({ orderNumber: orders.orderNumber }).from(orders).where(eq(orders.id, orderId)).get()
      if (!order) return refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId } })
      return sessionsOf(dataDir, order.orderNumber).map(describeSession)
    },

    /** A sealed recording of the order, granted for watching (the shift lead's approval is checked by the access table). */
    watch(orderId: number, sessionId: string) {
      const order = orderOf(context, orderId)
      const folder = sessionFolder(dataDir, order.orderNumber, sessionId)
      if (!existsSync(folder))
        return refuse('not_found', { key: 'evidence:refusal.noRecording', params: { orderNumber: order.orderNumber, sessionId } })
      const manifestFile = join(folder, MANIFEST_FILE)
      if (!existsSync(manifestFile))
        return refuse('not_sealed', { key: 'evidence:refusal.notSealed', params: { orderNumber: order.orderNumber } })
      const manifest = Manifest.parse(JSON.parse(readFileSync(manifestFile, 'utf8')))
      const video = playableParts(folder, manifest)
      if (!video) return refuse('no_video', { key: 'evidence:refusal.noVideo', params: { orderNumber: order.orderNumber } })
      const granted = grants.grant(video.parts, video.bytes)
      return { url: granted.url, expiresAt: new Date(granted.expiresAt).toISOString(), durationMs: manifest.durationMs }
    },

    /** The video a media path names, while its grant lasts (the hosts serve it). */
    media: (pathname: string) => grants.lookup(pathname),

    /** The disk the evidence takes against its quota, for the status bar. */
    usage() {
      const policy = readEvidenceSettings(db)
      used ??= { bytes: storedSessions(dataDir).reduce((sum, s) => sum + s.bytes, 0) }
      const usedBytes = used.bytes
      const quotaBytes = policy.quotaMb * 1_000_000
      const level: 'ok' | 'near' | 'over' = usedBytes > quotaBytes ? 'over' : usedBytes >= WARN_AT * quotaBytes ? 'near' : 'ok'
      return { enabled: policy.enabled, usedBytes, quotaBytes, level }
    },

    retention,
    sealedAtStart,
    async close() {
      stopRetention()
      await this.stopAll('order_left')
    }
  }
}

function sessionOf(m: Manifest): EvidenceSession {
  return {
    sessionId: m.sessionId,
    startedAt: m.startedAt,
    stoppedAt: m.stoppedAt,
    durationMs: m.durationMs,
    stopReason: m.stopReason,
    sealed: true,
    markers: m.markers.map(({ offsetMs, at, kind, serial, boxId, note }) => ({ offsetMs, at, kind, serial, boxId, note }))
  }
}

function describeSession(folder: string): EvidenceSession {
  const manifest = join(folder, 'manifest.json')
  if (existsSync(manifest)) return sessionOf(Manifest.parse(JSON.parse(readFileSync(manifest, 'utf8'))))
  const lines = existsSync(join(folder, JOURNAL_FILE)) ? readJournal(readFileSync(join(folder, JOURNAL_FILE), 'utf8')) : []
  const start = lines.find((l) => l.t === 'start')
  return {
    sessionId: start?.t === 'start' ? start.sessionId : folder,
    startedAt: start?.t === 'start' ? start.startedAt : '',
    stoppedAt: null,
    durationMs: null,
    stopReason: null,
    sealed: false,
    markers: lines.flatMap((l) =>
      l.t === 'marker' ? [{ offsetMs: l.offsetMs, at: l.at, kind: l.kind, serial: l.serial, boxId: l.boxId, note: l.note }] : []
    )
  }
}

/** Of these orders, the ones with a return: their evidence is kept. */
function withReturns(context: StationContext, orderNumbers: string[]): Set<string> {
  if (orderNumbers.length === 0) return new Set()
  const rows = context.db
    .selectDistinct({ orderNumber: orders.orderNumber })
    .from(orders)
    .innerJoin(returns, eq(returns.orderId, orders.id))
    .where(inArray(orders.orderNumber, orderNumbers))
    .all()
  return new Set(rows.map((r) => r.orderNumber))
}
