// An order file on its way from the screen to the station: the screen sends it
// in pieces (the same in Electron and in the browser, where the station cannot
// open the operator's file itself), the station appends each to a staging
// file in its data folder, and imports that file when the last piece is in.
// A staging file never outlives its import: finishing, cancelling, a failed
// write and closing the station delete it, and leftovers of a crash go at the
// next upload.
import { randomUUID } from 'node:crypto'
import { closeSync, mkdirSync, openSync, readdirSync, rmSync, statfsSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { IMPORT_CHUNK_BYTES } from '../../../../shared/orders'
import { refuse } from '../../errors'

type Upload = { fd: number; path: string; fileName: string; size: number | null; received: number; touchedAt: number }

export type StagedFile = { path: string; fileName: string; size: number }

export type Uploads = ReturnType<typeof stagingUploads>

/** An upload nobody has added to for this long is dropped (its screen was closed mid-way). */
const ABANDONED_MS = 30 * 60_000
const SUFFIX = '.upload'

export function stagingUploads(folder: string, now: () => number = Date.now) {
  const uploads = new Map<string, Upload>()
  let swept = false

  const discard = (uploadId: string) => {
    const upload = uploads.get(uploadId)
    if (!upload) return
    uploads.delete(uploadId)
    closeSync(upload.fd)
    rmSync(upload.path, { force: true })
  }
  const find = (uploadId: string): Upload => uploads.get(uploadId) ?? refuse('not_found', { key: 'refusals:orders.uploadGone' })

  /** Staging files of uploads that are gone (a crash, a closed screen). */
  const sweep = () => {
    for (const [id, upload] of uploads) if (now() - upload.touchedAt > ABANDONED_MS) discard(id)
    if (swept) return
    swept = true
    const open = new Set([...uploads.values()].map((u) => u.path))
    for (const name of readdirSync(folder)) {
      if (name.endsWith(SUFFIX) && !open.has(join(folder, name))) rmSync(join(folder, name), { force: true })
    }
  }

  return {
    begin(fileName: string, size: number | undefined): { uploadId: string; chunkBytes: number } {
      mkdirSync(folder, { recursive: true })
      sweep()
      if (size !== undefined) {
        const { bavail, bsize } = statfsSync(folder)
        const free = bavail * bsize
        if (size > free) {
          refuse('disk_full', { key: 'refusals:orders.uploadDiskFull', params: { needMb: megabytes(size), freeMb: megabytes(free) } })
        }
      }
      const uploadId = randomUUID()
      const path = join(folder, `${uploadId}${SUFFIX}`)
      uploads.set(uploadId, { fd: openSync(path, 'wx'), path, fileName, size: size ?? null, received: 0, touchedAt: now() })
      return { uploadId, chunkBytes: IMPORT_CHUNK_BYTES }
    },

    /** Appends one piece; pieces come in order, each once. */
    chunk(uploadId: string, offset: number, data: Uint8Array): { received: number } {
      const upload = find(uploadId)
      if (offset !== upload.received) {
        refuse('out_of_order', { key: 'refusals:orders.uploadOutOfOrder', params: { offset, received: upload.received } })
      }
      if (upload.size !== null && upload.received + data.length > upload.size) {
        refuse('too_long', { key: 'refusals:orders.uploadTooLong', params: { size: upload.size } })
      }
      try {
        for (let written = 0; written < data.length;) written += writeSync(upload.fd, data, written)
      } catch (error) {
        discard(uploadId)
        throw error
      }
      upload.received += data.length
      upload.touchedAt = now()
      return { received: upload.received }
    },

    /** Hands the complete file to `use` (the import) and deletes it once `use` is done, however that ends. */
    async finish<T>(uploadId: string, use: (file: StagedFile) => Promise<T>): Promise<T> {
      const upload = find(uploadId)
      uploads.delete(uploadId)
      closeSync(upload.fd)
      try {
        if (upload.size !== null && upload.received !== upload.size) {
          refuse('incomplete_upload', { key: 'refusals:orders.uploadIncomplete', params: { received: upload.received, size: upload.size } })
        }
        return await use({ path: upload.path, fileName: upload.fileName, size: upload.received })
      } finally {
        rmSync(upload.path, { force: true })
      }
    },

    cancel(uploadId: string): void {
      discard(uploadId)
    },

    /** The station closes: every upload still open is dropped. */
    closeAll(): void {
      for (const id of [...uploads.keys()]) discard(id)
    },

    /** How many uploads are open. */
    get open(): number {
      return uploads.size
    }
  }
}

const megabytes = (bytes: number) => Math.ceil(bytes / 1_000_000)
