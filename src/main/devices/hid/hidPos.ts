// HID POS barcode scanners (usage page 0x8C), "barcode only" input report of
// 64 bytes as documented by the scanner makers that use it:
//   [0]     report id 0x02
//   [1]     number of data bytes in this report (0–56)
//   [2..4]  AIM symbology identifier, e.g. "]E0" (EAN-13), "]C0" (Code 128)
//   [5..60] data, zero-padded
//   [61]    maker's own symbology id, [62] reserved
//   [63]    bit 0 set: more data follows in the next report
// A long barcode arrives as several reports, concatenated in order.

export const HID_POS_USAGE_PAGE = 0x8c
export const POS_REPORT_ID = 0x02
const DATA_START = 5
const MAX_DATA = 56
const CONTINUATION_BYTE = 63

export type PosReport = { symbology: string; data: Buffer; more: boolean }
export type PosScan = { symbology: string; data: Buffer; reports: number }

/** One report, or null when it is not a barcode report (another report id, too short, a length that does not fit). */
export function parsePosReport(report: Uint8Array): PosReport | null {
  if (report.length < DATA_START || report[0] !== POS_REPORT_ID) return null
  const length = report[1]
  if (length > MAX_DATA || DATA_START + length > report.length) return null
  const aim = Buffer.from(report.subarray(2, DATA_START))
  const symbology = aim[0] === 0x5d ? aim.toString('latin1') : ''
  return {
    symbology,
    data: Buffer.from(report.subarray(DATA_START, DATA_START + length)),
    more: report.length > CONTINUATION_BYTE && (report[CONTINUATION_BYTE] & 0x01) === 1
  }
}

/** Puts multi-report scans together: push every report, get a scan when its last report arrives. */
export class PosScanAssembler {
  private parts: Buffer[] = []
  private symbology = ''

  push(report: Uint8Array): PosScan | null {
    const parsed = parsePosReport(report)
    if (!parsed) return null
    if (this.parts.length === 0) this.symbology = parsed.symbology
    this.parts.push(parsed.data)
    const total = this.parts.reduce((n, p) => n + p.length, 0)
    // A device that never clears "more" must not grow the buffer without end.
    if (parsed.more && total < 4096) return null
    const scan = { symbology: this.symbology, data: Buffer.concat(this.parts), reports: this.parts.length }
    this.parts = []
    return scan
  }

  reset(): void {
    this.parts = []
  }
}
