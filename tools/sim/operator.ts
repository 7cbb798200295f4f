// A scripted packing operator at one station: works through the station's
// jobs the way the screens do — find the order, open it, scan every device,
// Save (box saved), Save again with the box's dimensions (box confirmed),
// Packing Confirmation — every step a contract call through dispatch().
// After a restart it signs in again, reopens the order and goes on from what
// the station shows, checking that every scan the station answered OK is
// still there. A refusal that names another station (an order claimed there,
// an IMEI live there) is a conflict found at scan time; any other refusal is
// a problem the report lists.
import type { Envelope } from '../../src/shared/contract'
import type { OrderDetail, OrderPage } from '../../src/shared/orders'
import type { ScanResult } from '../../src/shared/scanning'
import type { Job } from './plan'
import { StationGone, type StationHandle } from './stationHandle'
import { signInPacker } from './stationSetup'

export type ScanTimeConflict = { station: string; kind: 'order' | 'imei'; omsOrderId: string; otherStation: string; message: string }

export type OperatorTally = {
  scansAccepted: number
  ordersPacked: number
  /** Jobs given up because the order is being packed at another station. */
  ordersLeft: number
  conflicts: ScanTimeConflict[]
  /** Scans the station answered OK that were not in the order after a restart. */
  lostScans: string[]
  /** Refusals and failures the script has no explanation for. */
  problems: string[]
}

export type OperatorDeps = {
  station: StationHandle
  n: number
  jobs: Job[]
  /** Devices of the same model to take when a planned one is refused as live elsewhere. */
  spare: (sku: string) => string
  /** The other station a refusal names ("Station 3", or its id), or null when it names none. */
  namesOther: (message: string) => string | null
  /** Resolves when the job's cue came (the other station reached the same order, or packed it first). */
  cue: (job: Job) => Promise<void>
  /** Called after every accepted scan with this station's running total (trouble is placed by it). */
  onScan: (total: number) => void
  /** Called when a job's order is packed here. */
  onPacked: (job: Job) => void
}

const BOX_UNITS = 3
const DIMENSIONS = { length: 300, width: 200, height: 100 }

/** What claims:open answers (src/shared/claims.ts), as far as the operator reads it. */
type ClaimAnswer = { outcome: string; message: string; holder: { stationId: string; stationName: string | null } | null }

class Refused extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message)
  }
}

const serialsIn = (order: OrderDetail): Set<string> =>
  new Set(
    [...order.boxes.filter((b) => b.status !== 'voided').flatMap((b) => b.units), ...order.looseUnits].flatMap((u) =>
      u.serial ? [u.serial] : []
    )
  )

export class Operator {
  readonly tally: OperatorTally = { scansAccepted: 0, ordersPacked: 0, ordersLeft: 0, conflicts: [], lostScans: [], problems: [] }
  /** Per order, the IMEIs this station answered OK for. */
  private readonly accepted = new Map<string, Set<string>>()
  private restarted = false
  /** The station answers claims:open (order claims are in place); false once it said it has no such channel. */
  claims = true

  constructor(private readonly deps: OperatorDeps) {}

  async run(): Promise<void> {
    for (const job of this.deps.jobs) {
      if (job.cue) await this.deps.cue(job)
      await this.resilient(() => this.pack(job))
    }
  }

  /** Runs a step again after the station process died under it, once the station is back and the packer signed in. */
  private async resilient(step: () => Promise<void>): Promise<void> {
    for (;;) {
      try {
        return await step()
      } catch (error) {
        if (!(error instanceof StationGone)) {
          this.tally.problems.push(`${this.deps.station.name}: ${(error as Error).message}`)
          return
        }
        this.restarted = true
        await this.deps.station.running()
        try {
          await signInPacker(this.deps.station, this.deps.n)
        } catch (again) {
          if (!(again instanceof StationGone)) throw again
        }
      }
    }
  }

  private async call<T>(channel: string, args: unknown): Promise<T> {
    const envelope: Envelope<unknown> = await this.deps.station.call(channel, args)
    if (!envelope.ok) throw new Refused(envelope.error.code, `${channel}: ${envelope.error.code}: ${envelope.error.message}`)
    return envelope.value as T
  }

  /** One job, from wherever the station stands on it (a restart may have come in between). */
  private async pack(job: Job): Promise<void> {
    let order: OrderDetail
    try {
      order = await this.open(job)
    } catch (error) {
      if (error instanceof Refused && this.conflict(job, 'order', error.message)) return
      throw error
    }
    // Packed here already: the confirmation committed as the process died, and its answer was lost.
    if (order.status === 'packed' || order.status === 'shipped') return this.packed(job)
    const present = serialsIn(order)
    if (this.restarted) this.reconcile(job, present)
    const remaining = job.imeis.filter((imei) => !present.has(imei))
    try {
      // After a restart: units scanned since the last box go into one, and a saved box is confirmed.
      if (order.looseUnits.length > 0) await this.save(order.id)
      if (order.looseUnits.length > 0 || order.boxes.some((b) => b.status === 'saved')) await this.confirmBox(order.id)
      for (let i = 0; i < remaining.length; i += BOX_UNITS) {
        for (const imei of remaining.slice(i, i + BOX_UNITS)) await this.scanUnit(job, order.id, imei)
        await this.save(order.id)
        await this.confirmBox(order.id)
      }
      await this.call('packing:confirmation', { orderId: order.id })
      await this.call('packing:confirm', { orderId: order.id })
    } catch (error) {
      if (error instanceof Refused && this.conflict(job, 'order', error.message)) return
      throw error
    }
    this.packed(job)
  }

  private packed(job: Job): void {
    this.tally.ordersPacked++
    this.deps.onPacked(job)
  }

  /** Finds the order by its number (as the operator types it into Search), opens it, and claims it for scanning. */
  private async open(job: Job): Promise<OrderDetail> {
    for (let tries = 0; ; tries++) {
      const page = await this.call<OrderPage>('orders:list', { query: job.orderNumber, limit: 10 })
      const found = page.orders.find((o) => o.omsOrderId === job.omsOrderId)
      if (found) {
        const order = await this.call<OrderDetail>('orders:get', { orderId: found.id })
        if (order.status === 'ready' || order.status === 'in_progress') await this.claim(order.id)
        return order
      }
      if (tries >= 20) throw new Error(`order ${job.orderNumber} is not on ${this.deps.station.name}`)
      await this.call('sync:now', {})
    }
  }

  /**
   * Opening the scan screen claims the order (`claims:open`, where the station has order claims): held by
   * another station is a refusal naming it; "wait for the OMS" (offline, and the order may not start
   * offline) waits as an operator would. A station without claims answers `unknown_channel`: nothing to claim.
   */
  private async claim(orderId: number): Promise<void> {
    if (!this.claims) return
    for (;;) {
      const envelope = await this.deps.station.call('claims:open', { orderId })
      if (!envelope.ok && envelope.error.code === 'unknown_channel') {
        this.claims = false
        return
      }
      if (!envelope.ok) throw new Refused(envelope.error.code, `claims:open: ${envelope.error.code}: ${envelope.error.message}`)
      const answer = envelope.value as ClaimAnswer
      if (answer.outcome === 'held_elsewhere' || answer.outcome === 'already_packed') {
        // The holder as the OMS named it goes with the words, so the refusal is told apart by the station it names.
        const holder = answer.holder ? ` [${answer.holder.stationName ?? ''} ${answer.holder.stationId}]` : ''
        throw new Refused(answer.outcome, `${answer.message}${holder}`)
      }
      if (answer.outcome !== 'wait_for_oms') return
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }

  /** Scans one device; a device refused as live at another station is put aside and a spare of the same model scanned instead. */
  private async scanUnit(job: Job, orderId: number, planned: string): Promise<void> {
    let imei = planned
    for (let tries = 0; tries < 5; tries++) {
      const result = await this.call<ScanResult>('scanning:scan', { orderId, input: imei })
      if (result.outcome === 'accepted') {
        this.remember(job, imei)
        this.tally.scansAccepted++
        this.deps.onScan(this.tally.scansAccepted)
        return
      }
      if (!this.conflict(job, 'imei', result.message)) {
        this.tally.problems.push(
          `${this.deps.station.name}: scan of ${imei} in ${job.orderNumber} refused: ${result.outcome}: ${result.message}`
        )
        return
      }
      imei = this.deps.spare(job.sku)
      job.imeis[job.imeis.indexOf(planned)] = imei
      planned = imei
    }
    this.tally.problems.push(`${this.deps.station.name}: five devices in a row refused as live elsewhere in ${job.orderNumber}`)
  }

  private async save(orderId: number): Promise<void> {
    await this.call('packing:save', { orderId })
  }

  private async confirmBox(orderId: number): Promise<void> {
    await this.call('packing:save', { orderId, dimensionsMm: DIMENSIONS })
  }

  /** A refusal naming another station is a conflict found at scan time; true when it was one. */
  private conflict(job: Job, kind: 'order' | 'imei', message: string): boolean {
    const other = this.deps.namesOther(message)
    if (!other) return false
    this.tally.conflicts.push({ station: this.deps.station.name, kind, omsOrderId: job.omsOrderId, otherStation: other, message })
    if (kind === 'order') this.tally.ordersLeft++
    return true
  }

  private remember(job: Job, imei: string): void {
    const set = this.accepted.get(job.omsOrderId) ?? new Set<string>()
    set.add(imei)
    this.accepted.set(job.omsOrderId, set)
  }

  /**
   * After a restart: every scan the station answered OK before it is still in the order; a planned device
   * in the order that had no answer yet was committed when the process died (its answer was lost): accepted.
   */
  private reconcile(job: Job, present: Set<string>): void {
    const accepted = this.accepted.get(job.omsOrderId) ?? new Set<string>()
    for (const imei of accepted) {
      if (!present.has(imei)) this.tally.lostScans.push(`${this.deps.station.name}: ${imei} in ${job.orderNumber}`)
    }
    for (const imei of job.imeis) {
      if (!present.has(imei) || accepted.has(imei)) continue
      this.remember(job, imei)
      this.tally.scansAccepted++
    }
  }
}
