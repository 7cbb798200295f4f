// What the dispute pack's summary says (issue 17): the order, its channel
// order id, each box with its SSCC and IMEIs and the second each IMEI was
// scanned (from the recording's markers: the moment in the video), the
// tracking number, and each recording with its seal.
import type { Db } from '../db/connection'
import { packingSlipData, shippingLabelData } from '../labels/labelData'
import type { Manifest } from './manifest'

export type PackSummary = {
  orderNumber: string
  omsOrderId: string
  channel: string
  channelOrderId: string | null
  carrier: string
  service: string
  trackingNumber: string | null
  stationId: string
  boxes: { number: number; sscc: string | null; units: { serial: string; productName: string; seen: SeenAt | null }[] }[]
  recordings: {
    sessionId: string
    video: string | null
    startedAt: string
    stoppedAt: string
    stopReason: string
    sha256: string | null
    finalChain: string
  }[]
  generatedAt: string
}

/** Where in the recordings a serial was scanned: which video, and the second in it. */
export type SeenAt = { video: string; second: number; at: string }

export function packSummary(db: Db, orderId: number, manifests: Manifest[], videoNames: string[], now: Date): PackSummary {
  const slip = packingSlipData(db, orderId, now.toISOString())
  const shipping = shippingLabelData(db, orderId)
  const seen = new Map<string, SeenAt>()
  manifests.forEach((m, i) => {
    for (const marker of m.markers) {
      // The last accepted scan of a serial is the one that put it in its box.
      if (marker.kind === 'scan_accepted' && marker.serial)
        seen.set(marker.serial, { video: videoNames[i]!, second: Math.floor(marker.offsetMs / 1000), at: marker.at })
    }
  })
  return {
    orderNumber: slip.orderNumber,
    omsOrderId: slip.omsOrderId,
    channel: slip.channel,
    channelOrderId: slip.channelOrderId,
    carrier: slip.carrier,
    service: slip.service,
    trackingNumber: shipping.trackingNumber,
    stationId: manifests[0]?.stationId ?? '',
    boxes: slip.boxes.map((box) => ({
      number: box.number,
      sscc: box.sscc,
      units: box.units.flatMap((u) =>
        [u.serial, u.serial2]
          .filter((s): s is string => s !== null)
          .map((serial) => ({ serial, productName: u.productName, seen: seen.get(serial) ?? null }))
      )
    })),
    recordings: manifests.map((m, i) => ({
      sessionId: m.sessionId,
      video: videoNames[i] ?? null,
      startedAt: m.startedAt,
      stoppedAt: m.stoppedAt,
      stopReason: m.stopReason,
      sha256: m.playable?.sha256 ?? null,
      finalChain: m.finalChain
    })),
    generatedAt: now.toISOString()
  }
}

/** "1:07": a second of a video as a player shows it. */
export function clock(second: number): string {
  const m = Math.floor(second / 60)
  const s = second % 60
  return `${m}:${String(s).padStart(2, '0')}`
}
