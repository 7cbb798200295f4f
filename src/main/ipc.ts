// The one place that touches ipcMain. Every channel of the contract is
// registered here, behind a sender check; the arguments are validated and
// the handler run by the same dispatch() the browser host uses.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { channels } from '../shared/contract'
import { dispatch } from './core/dispatch'
import { refusal } from './core/errors'
import type { Station } from './station'

/**
 * Registers the contract. `isAppUrl` tells our own renderer's URL from
 * anything else; calls from other pages or from sub-frames are refused.
 */
export function registerIpc({ handlers, subscribe }: Station, isAppUrl: (url: string) => boolean): void {
  const trusted = (event: IpcMainInvokeEvent) => {
    const frame = event.senderFrame
    return frame !== null && frame === event.sender.mainFrame && isAppUrl(frame.url)
  }
  for (const channel of channels) {
    ipcMain.handle(channel, (event, args: unknown) =>
      trusted(event)
        ? dispatch(handlers, channel, args)
        : { ok: false, error: refusal('untrusted_sender', { key: 'refusals:station.untrustedSender' }).toFailure() }
    )
  }
  // Notices (already validated by the station) go to our own windows only.
  subscribe((notice, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      if (isAppUrl(win.webContents.getURL())) win.webContents.send(notice, payload)
    }
  })
}
