// orders:import* — an order file uploaded in pieces by the Import screen, then
// imported from the staging file while progress notices go to the screens.
import { join } from 'node:path'
import type { Handler, StationContext } from '../../context'
import { importOrderFile } from './importFile'
import { stagingUploads } from './uploads'

/** Where uploads wait for their import, inside the station's data folder. */
export const STAGING_FOLDER = 'import-staging'

type ImportChannel = 'orders:importBegin' | 'orders:importChunk' | 'orders:importFinish' | 'orders:importCancel'

export function importHandlers({ db, clock, dataDir, signedIn, notify, onClose }: StationContext): { [C in ImportChannel]: Handler<C> } {
  const uploads = stagingUploads(join(dataDir, STAGING_FOLDER))
  onClose(() => uploads.closeAll())
  return {
    'orders:importBegin': ({ fileName, size }) => uploads.begin(fileName, size),
    'orders:importChunk': ({ uploadId, offset, data }) => uploads.chunk(uploadId, offset, Buffer.from(data, 'base64')),
    'orders:importFinish': ({ uploadId }) =>
      uploads.finish(uploadId, ({ path, fileName }) =>
        importOrderFile({ db, clock, operatorId: signedIn()?.id ?? null }, path, {
          fileName,
          onProgress: (progress) => notify('orders:importProgress', { uploadId, fileName, ...progress })
        })
      ),
    'orders:importCancel': ({ uploadId }) => {
      uploads.cancel(uploadId)
      return null
    }
  }
}
