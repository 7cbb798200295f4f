// Everything a web page could ask of the PC, refused in one place: browser
// permissions (location, notifications, clipboard, devices; the camera only
// to the app's own page, for packing evidence),
// navigating or being redirected away from the app, new windows, <webview>.
// The one thing let through is opening, in the system browser, a tracking URL
// the station itself stored when an order shipped.
import { app, session, shell, type Session, type WebContents } from 'electron'
import { isPlainWebUrl } from './core/packing/trackingUrls'

const APP_ORIGIN = 'app://station'
const fromApp = (url: string | undefined) => url === APP_ORIGIN || (url ?? '').startsWith(`${APP_ORIGIN}/`)

/**
 * The station needs one browser permission: the camera over the bench, video only, for the app's own
 * page (packing evidence, src/renderer/src/components/evidence/; the page asks only when a shift lead
 * turned it on). Everything else is refused: the scanners, printers and files are reached from main.
 */
export function denyAllPermissions(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const media = details as { mediaTypes?: string[]; securityOrigin?: string; requestingUrl?: string }
    const cameraOnly = media.mediaTypes !== undefined && media.mediaTypes.length > 0 && media.mediaTypes.every((t) => t === 'video')
    callback(permission === 'media' && cameraOnly && fromApp(media.securityOrigin ?? media.requestingUrl))
  })
  ses.setPermissionCheckHandler((_contents, permission, origin, details) => {
    return permission === 'media' && (details as { mediaType?: string }).mediaType === 'video' && fromApp(origin)
  })
  ses.setDevicePermissionHandler(() => false)
}

/** After ready: the default session now, and any session created later (a partition, the print window's). */
export function guardSessions(): void {
  denyAllPermissions(session.defaultSession)
  app.on('session-created', denyAllPermissions)
}

/** Opens `url` in the system browser only when it is a plain http(s) address the station vouches for. */
export function openExternally(url: string, isStationUrl: (url: string) => boolean): boolean {
  if (!isPlainWebUrl(url) || !isStationUrl(url)) return false
  void shell.openExternal(url)
  return true
}

type Preventable = { url: string; preventDefault: () => void }

export function guardWebContents(contents: WebContents, isAppUrl: (url: string) => boolean, isStationUrl: (url: string) => boolean): void {
  // A redirect is checked like a navigation: an allowed page must not bounce the window elsewhere.
  const stayInApp = (event: Preventable) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url, isStationUrl)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Before any window exists, so no web contents escapes the guards. */
export function guardAllWebContents(isAppUrl: (url: string) => boolean, isStationUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, isAppUrl, isStationUrl))
}
