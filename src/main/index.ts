// Electron lifecycle: open the station core, register the IPC contract, serve
// the renderer from app://station, create the window. The security rules
// live in webSecurity.ts, the scheme in appProtocol.ts, the window in windows.ts.
import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'
import { APP_ENTRY_URL, appUrlMatcher, handleAppProtocol, registerAppScheme } from './appProtocol'
import { isStationTrackingUrl } from './core/packing/trackingUrls'
import { openStation, type Station } from './station'
import { APP_NAME, dataDirFromArgs } from './core/paths'
import { registerIpc } from './ipc'
import { electronPrinting } from './printing/electronPrinting'
import { registerPlatformPrinting } from './printing/platform'
import { keychainSecretStore } from './secretStore'
import { guardAllWebContents, guardSessions } from './webSecurity'
import { createMainWindow } from './windows'

app.setName(APP_NAME)
registerAppScheme()
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererUrl = devServerUrl ?? APP_ENTRY_URL
const rendererDir = join(import.meta.dirname, '../renderer')
const preload = join(import.meta.dirname, '../preload/index.cjs')
const isAppUrl = appUrlMatcher(devServerUrl)

let station: Station | undefined

// A link can only open what the station stored as a shipped order's tracking URL.
guardAllWebContents(isAppUrl, (url) => station !== undefined && isStationTrackingUrl(station.connection.db, url))
app.enableSandbox()

app.whenReady().then(() => {
  guardSessions()
  handleAppProtocol(rendererDir)
  const dataDir = dataDirFromArgs(process.argv) ?? app.getPath('userData')
  registerPlatformPrinting(electronPrinting())
  station = openStation({ dataDir, version: app.getVersion(), secrets: keychainSecretStore(dataDir) })
  registerIpc(station, isAppUrl)
  createMainWindow(rendererUrl, preload)
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(rendererUrl, preload)
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
app.on('will-quit', () => station?.close())
