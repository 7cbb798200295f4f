// Electron lifecycle: open the station core, register the IPC contract, serve
// the renderer from app://station, create the window. The security rules
// live in webSecurity.ts, the scheme in appProtocol.ts, the window in windows.ts.
import { join } from 'node:path'
import { app, BrowserWindow, dialog } from 'electron'
import { APP_ENTRY_URL, appUrlMatcher, handleAppProtocol, registerAppScheme } from './appProtocol'
import { isStationTrackingUrl } from './core/packing/trackingUrls'
import { openStation, type Station } from './station'
import { StationError } from '../shared/contract'
import { APP_NAME, dataDirFromArgs } from './core/paths'
import { installCrashHandlers } from './core/log/crashHandlers'
import { log } from './core/log/logger'
import { registerIpc } from './ipc'
import { electronPrinting } from './printing/electronPrinting'
import { registerPlatformPrinting } from './printing/platform'
import { keychainSecretStore } from './secretStore'
import { guardAllWebContents, guardSessions } from './webSecurity'
import { createMainWindow } from './windows'

app.setName(APP_NAME)
// One station per PC user: a second launch hands over to the first (its window comes to the front) and quits.
const firstInstance = app.requestSingleInstanceLock()
if (!firstInstance) app.quit()
app.on('second-instance', () => {
  const win = BrowserWindow.getAllWindows()[0]
  if (!win) return
  if (win.isMinimized()) win.restore()
  win.show()
  win.focus()
})
installCrashHandlers()
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
  if (!firstInstance) return
  guardSessions()
  handleAppProtocol(rendererDir, (pathname, request) => station?.media?.(pathname, request) ?? null)
  const dataDir = dataDirFromArgs(process.argv) ?? app.getPath('userData')
  registerPlatformPrinting(electronPrinting())
  try {
    station = openStation({ dataDir, version: app.getVersion(), secrets: keychainSecretStore(dataDir), program: 'Electron app' })
  } catch (error) {
    // Another station (the browser host, the command line) holds the data folder: say so, in its one sentence.
    if (!(error instanceof StationError)) throw error
    dialog.showErrorBox(APP_NAME, error.message)
    app.exit(1)
    return
  }
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

// A renderer that crashed or was killed is logged and loaded again (the station's data is all in the main
// process; a reload shows the same screens). After three losses in a minute the PC is told instead of looping.
const rendererLosses: number[] = []
app.on('render-process-gone', (_event, contents, details) => {
  log.error(
    { event: 'renderer_gone', reason: details.reason, exitCode: details.exitCode },
    `The station's window stopped (${details.reason})`
  )
  if (details.reason === 'clean-exit' || contents.isDestroyed()) return
  const now = Date.now()
  rendererLosses.push(now)
  while (rendererLosses.length > 0 && rendererLosses[0]! < now - 60_000) rendererLosses.shift()
  if (rendererLosses.length <= 3) return contents.reload()
  void dialog
    .showMessageBox({
      type: 'error',
      title: APP_NAME,
      message: "The station's window keeps stopping.",
      detail:
        'Every scan saved so far is kept. Press Reload to try again; if it happens again, restart the PC and call IT (the log is in the data folder, logs/).',
      buttons: ['Reload', 'Quit']
    })
    .then(({ response }) => (response === 0 ? contents.reload() : app.quit()))
})
app.on('child-process-gone', (_event, details) => {
  if (details.reason !== 'clean-exit')
    log.warn({ event: 'child_process_gone', type: details.type, reason: details.reason }, `A ${details.type} process stopped`)
})
