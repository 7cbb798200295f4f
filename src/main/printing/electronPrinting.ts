// The only Electron piece of printing: Chromium's printer list, and silent
// PDF printing through a hidden window's PDF viewer (works since Electron 36;
// used for printers CUPS does not know, e.g. on Windows). Registered by
// src/main/index.ts; the station core never imports this file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BrowserWindow, webContents } from 'electron'
import type { PlatformPrinting } from './platform'

export function electronPrinting(): PlatformPrinting {
  return {
    async listPrinters() {
      const contents = webContents.getAllWebContents()[0]
      if (!contents) return []
      const printers = await contents.getPrintersAsync()
      return printers.map((p) => ({
        name: p.name,
        displayName: p.displayName || p.name,
        isDefault: Boolean((p as { isDefault?: boolean }).isDefault)
      }))
    },
    async printPdf(printerName, pdf, title) {
      const dir = await mkdtemp(join(tmpdir(), 'ps-print-'))
      const file = join(dir, 'label.pdf')
      await writeFile(file, pdf)
      const win = new BrowserWindow({
        show: false,
        title,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true }
      })
      try {
        await win.loadFile(file)
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${printerName} did not take the job within 30 s`)), 30_000)
          win.webContents.print({ silent: true, deviceName: printerName, printBackground: true }, (ok, reason) => {
            clearTimeout(timer)
            if (ok) resolve()
            else reject(new Error(`${printerName} refused the job${reason ? `: ${reason}` : ''}`))
          })
        })
      } finally {
        win.destroy()
        await rm(dir, { recursive: true, force: true })
      }
    }
  }
}
