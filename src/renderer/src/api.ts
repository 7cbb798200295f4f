// The screens' one way to reach the station: `station.<domain>.<verb>(args)`.
// In Electron the preload provides the bridge; in a plain browser the browser host does.
import { buildApi, type StationBridge } from '../../shared/contract'
import { connectBrowserHost } from './wsBridge'

declare global {
  interface Window {
    station?: StationBridge
  }
}

export const station = buildApi(window.station ?? connectBrowserHost())
export { StationError } from '../../shared/contract'
