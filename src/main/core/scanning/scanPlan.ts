// Planning a serial scan (SPEC §5) without writing anything: the scan's
// serials, the order's lines and two look-ups (the model an IMEI's TAC names,
// a live unit already holding a serial) give either the units to commit or
// the answer to give instead: a refusal, or "now scan IMEI 2". Every rule is
// checked here, so the commit that follows (commitScan) only writes.
import { refuse } from '../errors'
import { quoted } from './codes/codeText'
import { checkImei, checkSerial, tacOf, type Checked } from './serial'
import { refusedScan, type ScanCommit } from './scanTypes'
import { atPart, said } from './scanWords'

export type ScanLine = {
  id: number
  sku: string
  productName: string
  quantity: number
  scannedQuantity: number
  serialized: boolean
  serialKind: 'imei' | 'serial' | 'none'
  serialPattern: string | null
  imeisPerUnit: number
}

/** One unit to commit: a serial, or both IMEIs of a dual-IMEI device. */
export type PlannedUnit = { line: ScanLine; serial: string; serial2: string | null }

/** Where a serial already is: a live (not removed) unit of some order. */
export type LiveUnit = { orderId: number; orderNumber: string; status: string; boxNumber: number | null }

export type ScanLookups = {
  /** The catalogue's models for an IMEI's TAC; empty when the catalogue does not know the TAC. */
  modelsOfTac(tac: string): { sku: string; name: string }[]
  /** The live unit holding this serial (as IMEI 1 or IMEI 2), in any order. */
  liveUnit(serial: string): LiveUnit | undefined
  /** The catalogue's products for a GTIN; empty when the catalogue does not know it. */
  modelsOfGtin?(gtin: string): { sku: string; name: string }[]
  /** Where the warehouse's serial ledger has this serial live at another station (its order there); undefined: nowhere. */
  liveElsewhere?(serial: string): { stationLabel: string; orderNumber: string } | undefined
}

export type ScanRequest = {
  order: { id: number; orderNumber: string }
  /** Every line of the order, serialized or not. */
  lines: ScanLine[]
  /** The scan's serials, as the scan parser read them (codes/readCode.ts). */
  parts: string[]
  /** What each part is, by the code's own labels ("IMEI 2", "Serial (21)"); null or absent for an unlabelled part. */
  partNames?: (string | null)[]
  /** The parts are IMEI 1 and IMEI 2 of one device (a labelled box code). */
  oneDevice?: boolean
  /** The GTIN the code carries (GS1 AI 01): where the catalogue knows it, it must be a product of the line. */
  gtin?: string | null
  /** The line the operator chose, if any. */
  orderLineId?: number
  /** IMEI 1 of a dual-IMEI unit, from the previous scan: this scan is its IMEI 2. */
  firstImei?: string
}

export type ScanPlan = { kind: 'commit'; units: PlannedUnit[] } | { kind: 'answer'; answer: ScanCommit }

/** Refuses (throws) only for a line that is not the order's; every other refusal is an answer. */
export function planScan(request: ScanRequest, lookups: ScanLookups): ScanPlan {
  const scannable = scannableLines(request)
  if (!Array.isArray(scannable)) return { kind: 'answer', answer: scannable }
  if (request.parts.length === 0) return { kind: 'answer', answer: refusedScan('invalid_serial', said('emptyScan')) }
  const candidates = ofCodedProduct(request, scannable, lookups)
  if (!Array.isArray(candidates)) return { kind: 'answer', answer: candidates }
  const planner = new ScanPlanner(request, candidates, lookups)
  const answer = request.firstImei !== undefined ? planner.secondImei(request.firstImei) : planner.everyPart()
  return answer ? { kind: 'answer', answer } : { kind: 'commit', units: planner.units }
}

/** The serialized lines this scan may go to: the chosen one, or all of them. */
function scannableLines({ order, lines, orderLineId }: ScanRequest): ScanLine[] | ScanCommit {
  const candidates = lines.filter((l) => l.serialized && (orderLineId === undefined || l.id === orderLineId))
  if (candidates.length > 0) return candidates
  if (orderLineId !== undefined) {
    return refuse('not_found', {
      key: 'refusals:scanning.notSerializedLine',
      params: { lineId: orderLineId, orderNumber: order.orderNumber }
    })
  }
  return refusedScan('wrong_item', said('noSerializedLine', { orderNumber: order.orderNumber }))
}

/** The product, where the catalogue knows the code's GTIN, must be one these lines ship: the lines of that product, or a refusal (like a wrong TAC). */
function ofCodedProduct(request: ScanRequest, lines: ScanLine[], lookups: ScanLookups): ScanLine[] | ScanCommit {
  const models = request.gtin ? (lookups.modelsOfGtin?.(request.gtin) ?? []) : []
  if (models.length === 0) return lines
  const ofProduct = lines.filter((l) => models.some((m) => m.sku === l.sku))
  if (ofProduct.length > 0) return ofProduct
  return refusedScan('wrong_item', notWanted(request, lines, 'wrongProduct', { gtin: request.gtin!, model: models[0].name }))
}

/** A wrong product or model, said against what the operator should have scanned: the chosen (or only) line, or any line of the order. */
function notWanted(
  { order, orderLineId }: ScanRequest,
  lines: ScanLine[],
  code: 'wrongProduct' | 'wrongModel',
  params: { model: string; gtin?: string; serial?: string }
) {
  return orderLineId !== undefined || lines.length === 1
    ? said(code, { ...params, wanted: lines[0].productName })
    : said(`${code}AnyLine`, { ...params, orderNumber: order.orderNumber })
}

type Refused = { ok: false; refusal: ScanCommit }
type Matched = { ok: true; line: ScanLine; serial: string }

/** Walks the scan's serials once, keeping what it has taken so far. */
class ScanPlanner {
  readonly units: PlannedUnit[] = []
  /** Units this scan adds, counted per line, so a multi-serial code cannot over-scan… */
  private readonly added = new Map<number, number>()
  /** …or repeat itself. */
  private readonly inThisScan = new Set<string>()

  constructor(
    private readonly request: ScanRequest,
    private readonly candidates: ScanLine[],
    private readonly lookups: ScanLookups
  ) {}

  /** IMEI 2 of a dual-IMEI unit; IMEI 1 is checked again (things may have changed since the first scan). */
  secondImei(firstImei: string): ScanCommit | null {
    const { parts } = this.request
    if (parts.length !== 1) return refusedScan('invalid_serial', said('imei2Alone'))
    const first = this.match(firstImei, this.candidates)
    if (!first.ok) return first.refusal
    this.inThisScan.add(first.serial)
    if (parts[0] === first.serial) return refusedScan('duplicate', said('imei1Again'), first.serial)
    const second = this.match(parts[0], [first.line], false)
    if (!second.ok) return this.atPart(second.refusal, 0)
    this.add({ line: first.line, serial: first.serial, serial2: second.serial })
    return null
  }

  /** Every serial of the code; a dual-IMEI device takes the next part as its IMEI 2. */
  everyPart(): ScanCommit | null {
    const { parts } = this.request
    for (let i = 0; i < parts.length; i++) {
      const found = this.match(parts[i], this.candidates)
      if (!found.ok) return this.atPart(found.refusal, i)
      if (this.request.oneDevice && found.line.imeisPerUnit < 2) return oneImeiPerUnit(found.line)
      if (found.line.imeisPerUnit < 2) {
        this.add({ line: found.line, serial: found.serial, serial2: null })
        continue
      }
      if (parts.length === 1) return awaitingSecondImei(found)
      const refusal = this.pairInCode(found, i)
      if (refusal) return refusal
      i++
    }
    return null
  }

  /** IMEI 2 right after IMEI 1 in the same code. */
  private pairInCode(first: Matched, i: number): ScanCommit | null {
    const { parts } = this.request
    if (i + 1 >= parts.length)
      return this.atPart(refusedScan('invalid_serial', said('imei2Missing', { serial: first.serial }), first.serial), i)
    this.inThisScan.add(first.serial)
    const second = this.match(parts[i + 1], [first.line], false)
    if (!second.ok) return this.atPart(second.refusal, i + 1)
    this.inThisScan.delete(first.serial)
    this.add({ line: first.line, serial: first.serial, serial2: second.serial })
    return null
  }

  private add(unit: PlannedUnit): void {
    this.units.push(unit)
    this.inThisScan.add(unit.serial)
    if (unit.serial2) this.inThisScan.add(unit.serial2)
    this.added.set(unit.line.id, (this.added.get(unit.line.id) ?? 0) + 1)
  }

  private pending(line: ScanLine): number {
    return line.quantity - line.scannedQuantity - (this.added.get(line.id) ?? 0)
  }

  /** The refusal says which part failed: by what the code calls it ("IMEI 2 35…"), or by its place in an unlabelled code. */
  private atPart(refusal: ScanCommit, i: number): ScanCommit {
    const { parts, partNames } = this.request
    const name = partNames?.[i]
    const value = name && !refusal.message.includes(parts[i]) ? quoted(parts[i]) : undefined
    return { ...refusal, ...atPart(refusal, { name: name ?? undefined, value, index: i + 1, count: parts.length }) }
  }

  /** The line a serial goes to, checked in SPEC order: format, model, duplicate, room on the line. */
  private match(input: string, lines: ScanLine[], needsRoom = true): Matched | Refused {
    const valid = validSerial(input, lines)
    if (!valid.ok) return valid
    const { serial } = valid
    const ofModel = this.ofScannedModel(serial, valid.lines, lines)
    if (!ofModel.ok) return ofModel
    const duplicate = this.duplicate(serial)
    if (duplicate) return { ok: false, refusal: duplicate }
    return needsRoom ? this.withRoom(serial, ofModel.lines) : { ok: true, line: ofModel.lines[0], serial }
  }

  /** The model, where the catalogue knows it from the IMEI's TAC, must be one these lines ship. */
  private ofScannedModel(serial: string, matching: ScanLine[], lines: ScanLine[]): { ok: true; lines: ScanLine[] } | Refused {
    if (!matching.some((l) => l.serialKind === 'imei')) return { ok: true, lines: matching }
    const models = this.lookups.modelsOfTac(tacOf(serial))
    if (models.length === 0) return { ok: true, lines: matching }
    const ofModel = matching.filter((l) => models.some((m) => m.sku === l.sku))
    if (ofModel.length > 0) return { ok: true, lines: ofModel }
    return {
      ok: false,
      refusal: refusedScan('wrong_item', notWanted(this.request, lines, 'wrongModel', { serial, model: models[0].name }), serial)
    }
  }

  private duplicate(serial: string): ScanCommit | null {
    if (this.inThisScan.has(serial)) return refusedScan('duplicate', said('twiceInScan', { serial }), serial)
    const seen = this.lookups.liveUnit(serial)
    if (seen) return refusedScan('duplicate', alreadySeen(serial, this.request.order.id, seen), serial)
    const elsewhere = this.lookups.liveElsewhere?.(serial)
    return elsewhere
      ? refusedScan(
          'duplicate',
          said('duplicateElsewhere', { serial, orderNumber: elsewhere.orderNumber, station: elsewhere.stationLabel }),
          serial
        )
      : null
  }

  /** The first of the lines that still takes a unit; over-scan when none does. */
  private withRoom(serial: string, lines: ScanLine[]): Matched | Refused {
    const line = lines.find((l) => this.pending(l) > 0)
    if (line) return { ok: true, line, serial }
    const full = lines[0]
    const done = full.quantity - this.pending(full)
    return {
      ok: false,
      refusal: refusedScan('over_scan', said('overScan', { product: full.productName, done, ordered: full.quantity }), serial, full.id)
    }
  }
}

/** The serial as the lines' products check it; refused with the first line's reason when none takes it. */
function validSerial(input: string, lines: ScanLine[]): { ok: true; serial: string; lines: ScanLine[] } | Refused {
  const checks = lines.map((line) => ({ line, check: checkFor(line, input) }))
  const valid = checks.filter((c) => c.check.ok)
  if (valid.length === 0) return { ok: false, refusal: refusedScan('invalid_serial', checks[0].check as Extract<Checked, { ok: false }>) }
  return { ok: true, serial: (valid[0].check as { serial: string }).serial, lines: valid.map((c) => c.line) }
}

function checkFor(line: ScanLine, input: string): Checked {
  return line.serialKind === 'imei' ? checkImei(input) : checkSerial(input, line.serialPattern)
}

const oneImeiPerUnit = (line: ScanLine): ScanCommit =>
  refusedScan('wrong_item', said('oneImeiPerUnit', { product: line.productName }), null, line.id)

const awaitingSecondImei = ({ line, serial }: Matched): ScanCommit => ({
  outcome: 'awaiting_imei2',
  ...said('awaitingImei2', { product: line.productName }),
  serial,
  orderLineId: line.id,
  units: 0,
  unitIds: [],
  awaiting: { firstImei: serial, orderLineId: line.id, productName: line.productName }
})

/** Already scanned or shipped, in this order or another, in a box or not yet. */
function alreadySeen(serial: string, orderId: number, seen: LiveUnit) {
  const code =
    `${seen.status === 'shipped' ? 'alreadyShipped' : 'alreadyScanned'}${seen.orderId === orderId ? 'Here' : ''}${seen.boxNumber === null ? 'NoBox' : ''}` as const
  return said(code, { serial, orderNumber: seen.orderNumber, ...(seen.boxNumber === null ? {} : { box: seen.boxNumber }) })
}
