// Cuts a serial byte stream into scans: at the configured suffix (CR, LF,
// CR LF) or, for scanners that send none, after a pause between bytes.
// Chunks arrive split and joined arbitrarily; a runaway stream without a
// suffix is cut at MAX_FRAME_BYTES so memory stays bounded (and the
// screen refuses the over-long "scan" by name, as it would a typed one).
import type { SerialSuffix } from '../../shared/scanners'

export const MAX_FRAME_BYTES = 1024

export type Frame = {
  /** The scan's bytes without the suffix. */
  bytes: Buffer
  /** Everything received for this scan, suffix included. */
  raw: Buffer
}

export type FramerOptions = {
  suffix: SerialSuffix
  /** Silence that ends a scan in `timeout` mode. */
  interByteTimeoutMs: number
  onFrame: (frame: Frame) => void
}

const TERMINATORS: Record<Exclude<SerialSuffix, 'timeout'>, Buffer> = {
  cr: Buffer.from([0x0d]),
  lf: Buffer.from([0x0a]),
  crlf: Buffer.from([0x0d, 0x0a])
}

export class ScanFramer {
  private buffer = Buffer.alloc(0)
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(private readonly options: FramerOptions) {}

  push(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk])
    if (this.options.suffix === 'timeout') {
      this.cutOverlong()
      this.restartTimer()
      return
    }
    const terminator = TERMINATORS[this.options.suffix]
    let end: number
    while ((end = this.buffer.indexOf(terminator)) !== -1) {
      const cut = end + terminator.length
      this.emit(this.buffer.subarray(0, end), this.buffer.subarray(0, cut))
      this.buffer = this.buffer.subarray(cut)
    }
    this.cutOverlong()
  }

  /** Ends the scan in progress now (timeout mode, or when the port closes). */
  flush(): void {
    this.clearTimer()
    if (this.buffer.length > 0) this.emit(this.buffer, this.buffer)
    this.buffer = Buffer.alloc(0)
  }

  /** Forgets anything half-received; no more frames. */
  dispose(): void {
    this.clearTimer()
    this.buffer = Buffer.alloc(0)
  }

  private cutOverlong() {
    while (this.buffer.length >= MAX_FRAME_BYTES) {
      const head = this.buffer.subarray(0, MAX_FRAME_BYTES)
      this.emit(head, head)
      this.buffer = this.buffer.subarray(MAX_FRAME_BYTES)
    }
  }

  private emit(bytes: Buffer, raw: Buffer) {
    this.options.onFrame({ bytes: Buffer.from(bytes), raw: Buffer.from(raw) })
  }

  private restartTimer() {
    this.clearTimer()
    if (this.buffer.length > 0) this.timer = setTimeout(() => this.flush(), this.options.interByteTimeoutMs)
  }

  private clearTimer() {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
