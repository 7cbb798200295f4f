// The dispute pack (issue 17): one zip a seller uploads to a marketplace
// claim — each recording's video (playable, with its duration), its still
// photos, its signed manifest, and a PDF summary of which IMEI went into which
// box at which second. A video is read from its parts (the sealed head, then
// the clip's own bytes: ./playable.ts), never put together on disk. Written
// streaming (fflate; the videos are stored, not recompressed), to a hidden
// temp file renamed when whole: memory stays flat however long the videos
// are, and no half-written pack is ever seen.
import { once } from 'node:events'
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import { tempPathFor } from '../sync/atomicFile'
import { CLIP_FILE, MANIFEST_FILE, STILLS_FOLDER } from './journal'
import { Manifest } from './manifest'
import { playableParts, type VideoPart } from './playable'

/** A file whole, bytes in hand, or byte ranges of files read in order (the playable video: ./playable.ts). */
export type PackEntry =
  | { name: string; file: string; compress: boolean }
  | { name: string; data: Uint8Array; compress: boolean }
  | { name: string; parts: VideoPart[]; compress: boolean }

/** A sealed session's files as pack entries: video-N.webm, manifest-N.json, stills/N-<name>. */
export function sessionEntries(folder: string, n: number): { manifest: Manifest; entries: PackEntry[]; video: string } {
  const manifest = Manifest.parse(JSON.parse(readFileSync(join(folder, MANIFEST_FILE), 'utf8')))
  const video = `video-${n}.webm`
  const playable = playableParts(folder, manifest)
  const entries: PackEntry[] = [
    playable ? { name: video, parts: playable.parts, compress: false } : { name: video, file: join(folder, CLIP_FILE), compress: false },
    { name: `manifest-${n}.json`, file: join(folder, MANIFEST_FILE), compress: true },
    ...manifest.stills.map((s) => ({ name: `stills/${n}-${s.name}`, file: join(folder, STILLS_FOLDER, s.name), compress: false }))
  ]
  return { manifest, entries, video }
}

export const isSealed = (folder: string): boolean => existsSync(join(folder, MANIFEST_FILE))

export async function writeZip(target: string, entries: PackEntry[]): Promise<number> {
  const temp = tempPathFor(target)
  const out = createWriteStream(temp)
  let bytes = 0
  let failed: Error | null = null
  const zip = new Zip((error, data, final) => {
    if (error) failed = error
    else {
      bytes += data.length
      out.write(data)
      if (final) out.end()
    }
  })
  try {
    for (const entry of entries) {
      const file = entry.compress ? new ZipDeflate(entry.name, { level: 6 }) : new ZipPassThrough(entry.name)
      zip.add(file)
      if ('data' in entry) file.push(entry.data, true)
      else {
        const ranges = 'parts' in entry ? entry.parts : [{ path: entry.file, start: 0, end: Infinity }]
        for (const range of ranges) {
          if (range.end <= range.start) continue
          const end = range.end === Infinity ? undefined : range.end - 1
          for await (const chunk of createReadStream(range.path, { start: range.start, end, highWaterMark: 1 << 20 })) {
            file.push(chunk as Uint8Array)
            if (out.writableNeedDrain) await once(out, 'drain')
          }
        }
        file.push(new Uint8Array(0), true)
      }
      if (failed) throw failed
    }
    zip.end()
    if (!out.writableFinished) await once(out, 'finish')
    if (failed) throw failed
    await rename(temp, target)
    return bytes
  } catch (error) {
    out.destroy()
    await rm(temp, { force: true })
    throw error
  }
}

export const PACK_README = `Packing evidence

summary.pdf        the order, each box with its IMEIs and the second of the video each was scanned
video-N.webm       the recording(s) of the packing, in the order they were made
manifest-N.json    each recording's seal: the hash of every part, each scan as a marker, signed by the station
stills/            a photo taken at each box confirmation

To check a video: its SHA-256 equals "playable.sha256" in its manifest, and the manifest's
signature verifies with the "publicKey" in it (Ed25519, over the manifest's JSON without "signature").
`
