// The preload: exposes `window.station`, one method per channel of the
// contract (never a generic invoke). Bundled into one CommonJS file for the sandbox.
import { contextBridge, ipcRenderer } from 'electron'
import { buildBridge, type Envelope, type Subscribe } from '../shared/contract'

// buildBridge only lets the contract's notice names through to this.
const subscribe: Subscribe = (notice, listener) => {
  const forward = (_event: unknown, payload: unknown) => listener(payload as never)
  ipcRenderer.on(notice, forward)
  return () => void ipcRenderer.removeListener(notice, forward)
}

contextBridge.exposeInMainWorld(
  'station',
  buildBridge((channel, args) => ipcRenderer.invoke(channel, args) as Promise<Envelope<unknown>>, subscribe)
)
