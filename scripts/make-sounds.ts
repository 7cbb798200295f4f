// Writes the scan feedback sounds into resources/sounds/ (16-bit mono WAV).
// Run once with `npx tsx scripts/make-sounds.ts`; the WAV files are committed.
// Each outcome class sounds different enough to tell without looking.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

const RATE = 22_050
type Tone = { from: number; to?: number; ms: number; gap?: number; wave?: 'sine' | 'square' | 'saw' }

const SOUNDS: Record<string, Tone[]> = {
  ok: [{ from: 1760, ms: 90 }],
  awaiting: [
    { from: 1175, ms: 70, gap: 40 },
    { from: 1568, ms: 70 }
  ],
  duplicate: [
    { from: 660, ms: 120, gap: 70, wave: 'square' },
    { from: 660, ms: 120, wave: 'square' }
  ],
  wrong_item: [{ from: 520, to: 260, ms: 380, wave: 'saw' }],
  over_scan: [
    { from: 880, ms: 70, gap: 50, wave: 'square' },
    { from: 880, ms: 70, gap: 50, wave: 'square' },
    { from: 880, ms: 70, wave: 'square' }
  ],
  invalid_serial: [
    { from: 220, ms: 160, gap: 40, wave: 'square' },
    { from: 196, ms: 220, wave: 'square' }
  ],
  order_not_open: [{ from: 150, ms: 650, wave: 'saw' }]
}

function sample(wave: Tone['wave'], phase: number): number {
  const x = phase % 1
  if (wave === 'square') return x < 0.5 ? 1 : -1
  if (wave === 'saw') return 2 * x - 1
  return Math.sin(2 * Math.PI * x)
}

function render(tones: Tone[]): Buffer {
  const samples: number[] = []
  for (const tone of tones) {
    const n = Math.round((RATE * tone.ms) / 1000)
    let phase = 0
    for (let i = 0; i < n; i++) {
      const f = tone.from + ((tone.to ?? tone.from) - tone.from) * (i / n)
      phase += f / RATE
      const fade = Math.min(1, i / 200, (n - i) / 200) // no clicks at the edges
      samples.push(sample(tone.wave, phase) * fade * (tone.wave === 'sine' || !tone.wave ? 0.8 : 0.45))
    }
    for (let i = 0; i < Math.round((RATE * (tone.gap ?? 0)) / 1000); i++) samples.push(0)
  }
  const data = Buffer.alloc(samples.length * 2)
  samples.forEach((v, i) => data.writeInt16LE(Math.round(v * 32767), i * 2))
  const header = Buffer.alloc(44)
  header.write('RIFF', 0)
  header.writeUInt32LE(36 + data.length, 4)
  header.write('WAVEfmt ', 8)
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(RATE, 24)
  header.writeUInt32LE(RATE * 2, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36)
  header.writeUInt32LE(data.length, 40)
  return Buffer.concat([header, data])
}

const dir = join(import.meta.dirname, '..', 'resources', 'sounds')
for (const [name, tones] of Object.entries(SOUNDS)) writeFileSync(join(dir, `${name}.wav`), render(tones))
console.log(`wrote ${Object.keys(SOUNDS).length} sounds to ${dir}`)
