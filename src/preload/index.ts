// The preload: exposes `window.station`, one method per channel of the
// contract (never a generic invoke). Bundled into one CommonJS file for the sandbox.
import { contextBridge, ipcRenderer } from 'electron'
import { buildBridge, type Envelope } from '../shared/contract'

contextBridge.exposeInMainWorld(
  'station',
  buildBridge((channel, args) => ipcRenderer.invoke(channel, args) as Promise<Envelope<unknown>>)
)
