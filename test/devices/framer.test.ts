// Cutting a serial byte stream into scans, without a device: suffixes, split
// and joined chunks, the inter-byte timeout, and the bound on runaway input.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { MAX_FRAME_BYTES, ScanFramer, type Frame } from '../../src/main/devices/framer'
import { renderRaw, renderTyped } from '../../src/main/devices/rawText'
import type { SerialSuffix } from '../../src/shared/scanners'

afterEach(() => void vi.useRealTimers())

function framer(suffix: SerialSuffix, interByteTimeoutMs = 50) {
  const frames: Frame[] = []
  const f = new ScanFramer({ suffix, interByteTimeoutMs, onFrame: (frame) => frames.push(frame) })
  const texts = () => frames.map((fr) => fr.bytes.toString('latin1'))
  return { f, frames, texts, push: (s: string) => f.push(Buffer.from(s, 'latin1')) }
}

describe('ScanFramer', () => {
  it.each([
    ['cr', '\r'],
    ['lf', '\n'],
    ['crlf', '\r\n']
  ] as const)('suffix %s: joined scans in one chunk, and a scan split over chunks', (suffix, end) => {
    const { push, texts, frames } = framer(suffix)
    push(`111${end}222${end}33`)
    expect(texts()).toEqual(['111', '222'])
    push(`3${end.slice(0, 1)}`)
    if (end.length === 2) expect(texts()).toEqual(['111', '222'])
    push(end.slice(1))
    expect(texts()).toEqual(['111', '222', '333'])
    expect(frames[2].raw.toString('latin1')).toBe(`333${end}`)
  })

  it('CR suffix with a scanner that sends CR LF: the LF lands at the start of the next scan (cleaned later)', () => {
    const { push, texts } = framer('cr')
    push('111\r\n222\r\n')
    expect(texts()).toEqual(['111', '\n222'])
  })

  it('timeout: a pause longer than the timeout ends a scan; shorter pauses do not', () => {
    vi.useFakeTimers()
    const { push, texts } = framer('timeout', 50)
    push('353916')
    vi.advanceTimersByTime(30)
    push('112044813')
    vi.advanceTimersByTime(49)
    expect(texts()).toEqual([])
    vi.advanceTimersByTime(1)
    expect(texts()).toEqual(['353916112044813'])
    push('42')
    vi.advanceTimersByTime(50)
    expect(texts()).toEqual(['353916112044813', '42'])
  })

  it('a stream without a suffix is cut at MAX_FRAME_BYTES, so memory stays bounded', () => {
    const { push, frames } = framer('cr')
    push('9'.repeat(MAX_FRAME_BYTES * 2 + 10))
    expect(frames.map((f) => f.bytes.length)).toEqual([MAX_FRAME_BYTES, MAX_FRAME_BYTES])
    push('\r')
    expect(frames.map((f) => f.bytes.length)).toEqual([MAX_FRAME_BYTES, MAX_FRAME_BYTES, 10])
  })

  it('dispose forgets a half-received scan', () => {
    vi.useFakeTimers()
    const { f, push, frames } = framer('timeout')
    push('123')
    f.dispose()
    vi.advanceTimersByTime(1000)
    expect(frames).toEqual([])
  })
})

describe('raw rendering', () => {
  it('shows printable bytes as they are and names the rest', () => {
    expect(renderRaw(Buffer.from([0x00, 0x41, 0x0d, 0x0a, 0x1d, 0xff, 0x7f]))).toBe('<NUL>A<CR><LF><GS><0xFF><0x7F>')
    expect(renderTyped('ab\tΩ')).toBe('ab<TAB><U+03A9>')
  })

  it('stops after 1000 characters', () => {
    const out = renderRaw(Buffer.alloc(2000, 0x41))
    expect(out).toHaveLength(1001)
    expect(out.endsWith('…')).toBe(true)
  })
})
