// Hands an order file to the station: in pieces (never the whole file as one
// string), each read from the disk only when it is sent, then the import of
// the complete file. The same in Electron and in the browser host.
import type { ImportSummary } from '../../../shared/orders'
import { station } from '../api'
import { i18n } from '../i18n'

export type UploadSteps = {
  /** The station opened the upload: its progress notices carry this id. */
  started(uploadId: string): void
  /** This many bytes of the file have reached the station. */
  sent(bytes: number): void
}

export async function uploadOrderFile(file: File, steps: UploadSteps): Promise<ImportSummary> {
  const { uploadId, chunkBytes } = await station.orders.importBegin({ fileName: file.name, size: file.size })
  steps.started(uploadId)
  try {
    for (let offset = 0; offset < file.size; offset += chunkBytes) {
      const piece = file.slice(offset, offset + chunkBytes)
      await station.orders.importChunk({ uploadId, offset, data: await base64(piece) })
      steps.sent(offset + piece.size)
    }
  } catch (error) {
    // The station drops the piece received so far; its answer does not matter any more.
    await station.orders.importCancel({ uploadId }).catch(() => null)
    throw error
  }
  return station.orders.importFinish({ uploadId })
}

/** A piece of the file as base64, read by the browser itself (a data URL). */
function base64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1))
    reader.onerror = () => reject(reader.error ?? new Error(i18n.t('import:fileUnreadable')))
    reader.readAsDataURL(blob)
  })
}
