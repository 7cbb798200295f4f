// The dispute pack's summary page(s), drawn like the packing slip (same fonts
// and text fitting, ../labels/pdfText.ts): what a marketplace's claim
// reviewer needs beside the video — which IMEI went into which box, at which
// second of which video, and how to check that nothing was edited.
import { formatDate } from '../labels/format'
import { finish, fitLine, newDocument } from '../labels/pdfText'
import { SLIP_PAPER } from '../labels/sizes'
import { clock, type PackSummary } from './packSummary'

const M = 42
const BODY = 9.5
const ROW = BODY * 1.5

export async function renderPackSummaryPdf(summary: PackSummary): Promise<Buffer> {
  const size = SLIP_PAPER.A4
  const doc = newDocument({ size, bufferPages: true, info: { Title: `Packing evidence · ${summary.orderNumber}` } })
  const page = () => doc.addPage({ size, margin: 0 })
  page()
  const width = doc.page.width - 2 * M
  const bottom = doc.page.height - M
  let y = M
  const line = (text: string, x = M, w = width, options: { bold?: boolean; size?: number } = {}) =>
    fitLine(doc, text, { x, y, width: w, height: options.size ?? BODY }, { size: options.size ?? BODY, minSize: 6, bold: options.bold })
  const next = (rows = 1) => {
    y += ROW * rows
    if (y > bottom - ROW) {
      page()
      y = M
    }
  }

  line('PACKING EVIDENCE', M, width, { bold: true, size: 20 })
  next(1.8)
  line(`Order ${summary.orderNumber}`, M, width, { bold: true, size: 14 })
  next(1.5)
  const facts: [string, string][] = [
    ['Channel', [summary.channel, summary.channelOrderId].filter(Boolean).join(' · ')],
    ['OMS order id', summary.omsOrderId],
    ['Carrier', `${summary.carrier} · ${summary.service}`],
    ['Tracking number', summary.trackingNumber ?? '—'],
    ['Packed at station', summary.stationId],
    ['This summary', formatDate(summary.generatedAt)]
  ]
  for (const [label, value] of facts) {
    line(label, M, 110, { bold: true })
    line(value, M + 114, width - 114)
    next()
  }
  next(0.5)
  for (const box of summary.boxes) {
    line(`Box ${box.number} of ${summary.boxes.length}${box.sscc ? ` · SSCC ${box.sscc}` : ''}`, M, width, { bold: true, size: 11 })
    next(1.2)
    for (const unit of box.units) {
      line(unit.serial, M + 10, 120)
      line(unit.productName, M + 134, width - 134 - 240)
      line(
        unit.seen ? `${clock(unit.seen.second)} in ${unit.seen.video} (${formatDate(unit.seen.at)})` : 'not in a recording',
        M + width - 236,
        236
      )
      next()
    }
    next(0.5)
  }
  line('Recordings', M, width, { bold: true, size: 11 })
  next(1.2)
  for (const r of summary.recordings) {
    line(`${r.video ?? r.sessionId}: ${formatDate(r.startedAt)} to ${formatDate(r.stoppedAt)} (${r.stopReason})`, M + 10, width - 10)
    next()
    line(`SHA-256 ${r.sha256 ?? '—'}`, M + 10, width - 10, { size: 7 })
    next()
  }
  next(0.5)
  for (const text of [
    'Each recording was sealed at the station when it stopped: manifest-N.json lists the hash of every part of the clip,',
    'of each still photo and of the video, with every scan, and is signed with the station’s key (publicKey in the file).',
    'A video whose SHA-256 matches its manifest is the one the station recorded.'
  ]) {
    line(text, M, width, { size: 8 })
    next(0.9)
  }
  return finish(doc)
}
