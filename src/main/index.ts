// Electron lifecycle: open the station core, register the IPC contract,
// create the window with locked-down web preferences. Nothing else lives here.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, shell } from 'electron'
import { openStation, type Station } from './core/station'
import { APP_NAME, dataDirFromArgs } from './core/paths'
import { registerIpc } from './ipc'
import { electronPrinting } from './printing/electronPrinting'
import { registerPlatformPrinting } from './printing/platform'
import { keychainSecretStore } from './secretStore'

app.setName(APP_NAME)
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererFile = join(import.meta.dirname, '../renderer/index.html')
const appUrl = devServerUrl ?? pathToFileURL(rendererFile).href
const isAppUrl = (url: string) => url === appUrl || url.startsWith(`${appUrl}#`) || url.startsWith(`${appUrl}?`) || (devServerUrl !== undefined && url.startsWith(devServerUrl))

let station: Station | undefined

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    title: APP_NAME,
    backgroundColor: '#101418',
    show: false,
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  if (devServerUrl) void win.loadURL(devServerUrl)
  else void win.loadFile(rendererFile)
}

app.on('web-contents-created', (_event, contents) => {
  // No navigation away from the app, no new windows; http(s) links open in the system browser.
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    if (/^https?:\/\//.test(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
})

app.enableSandbox()
app.whenReady().then(() => {
  const dataDir = dataDirFromArgs(process.argv) ?? app.getPath('userData')
  registerPlatformPrinting(electronPrinting())
  station = openStation({ dataDir, version: app.getVersion(), secrets: keychainSecretStore(dataDir) })
  registerIpc(station, isAppUrl)
  createWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
app.on('will-quit', () => station?.close())
