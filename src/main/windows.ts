// The station's one window and its web preferences: the renderer gets no
// Node, runs sandboxed and isolated from the preload, and a packaged build
// has no DevTools (an operator must not be able to call the bridge by hand).
import { app, BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'
import { APP_NAME } from './core/paths'

export function mainWindowOptions(preload: string, packaged = app.isPackaged): BrowserWindowConstructorOptions {
  return {
    width: 1400,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    title: APP_NAME,
    backgroundColor: '#101418',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: !packaged,
      spellcheck: false
    }
  }
}

export function createMainWindow(url: string, preload: string): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preload))
  win.once('ready-to-show', () => win.show())
  void win.loadURL(url)
  return win
}
