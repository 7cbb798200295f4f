// The refusals of webSecurity.ts, called the way Electron calls them: every
// permission denied, no navigation or redirect away from the app, no new
// window, no <webview>, and the system browser only for a station URL.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Session, WebContents } from 'electron'
import { emit, FakeSession, FakeWebContents, fakeEvent, recorded, session, shell } from './electronStub'
import { appUrlMatcher } from '../../src/main/appProtocol'
import { denyAllPermissions, guardAllWebContents, guardSessions, guardWebContents, openExternally } from '../../src/main/webSecurity'

vi.mock('electron', () => import('./electronStub'))

const PERMISSIONS = [
  'media',
  'geolocation',
  'notifications',
  'clipboard-read',
  'clipboard-sanitized-write',
  'hid',
  'serial',
  'usb',
  'openExternal',
  'fullscreen'
]
const TRACKING = 'https://www.dhl.com/de-en/home/tracking.html?tracking-id=00340434161234567890'
const isAppUrl = appUrlMatcher(undefined)
const isStationUrl = (url: string) => url === TRACKING

function expectAllDenied(ses: FakeSession) {
  expect(ses.permissionRequest).toBeTypeOf('function')
  expect(ses.permissionCheck).toBeTypeOf('function')
  for (const permission of PERMISSIONS) {
    const callback = vi.fn()
    ses.permissionRequest!(...([{}, permission, callback, {}] as never[]))
    expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false)
    expect(ses.permissionCheck!(...([null, permission, 'app://station', {}] as never[])), permission).toBe(false)
  }
  expect(ses.devicePermission!(...([{ deviceType: 'hid', origin: 'app://station' }] as never[]))).toBe(false)
}

function guarded() {
  const contents = new FakeWebContents()
  guardWebContents(contents as unknown as WebContents, isAppUrl, isStationUrl)
  return contents
}

const prevented = (contents: FakeWebContents, event: string, url: string) => {
  const e = fakeEvent(url)
  emit(contents.handlers, event, e, url)
  return e.defaultPrevented
}

beforeEach(() => shell.openExternal.mockClear())

describe('permissions', () => {
  it('denies every permission request and check on a session', () => {
    const ses = new FakeSession()
    denyAllPermissions(ses as unknown as Session)
    expectAllDenied(ses)
  })

  it('locks down the default session and every session created later', () => {
    guardSessions()
    expectAllDenied(session.defaultSession)
    const later = new FakeSession()
    emit(recorded.appHandlers, 'session-created', later)
    expectAllDenied(later)
  })
})

describe('navigation', () => {
  const foreign = [
    'https://evil.example/',
    TRACKING,
    'file:///etc/passwd',
    'app://evil/index.html',
    'javascript:alert(1)',
    'http://localhost:5173/'
  ]

  it('keeps will-navigate and will-redirect inside the app', () => {
    const contents = guarded()
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(contents.handlers.get(event), event).toHaveLength(1)
      for (const url of foreign) expect(prevented(contents, event, url), `${event} ${url}`).toBe(true)
      expect(prevented(contents, event, 'app://station/index.html#/orders'), event).toBe(false)
    }
  })

  it('denies every new window, the app’s own included', () => {
    const contents = guarded()
    for (const url of [...foreign, 'app://station/index.html', TRACKING]) {
      expect(contents.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' })
    }
  })

  it('refuses to attach a <webview>', () => {
    const contents = guarded()
    const e = fakeEvent()
    emit(contents.handlers, 'will-attach-webview', e, {}, {})
    expect(e.defaultPrevented).toBe(true)
  })

  it('guards every web contents Electron creates', () => {
    guardAllWebContents(isAppUrl, isStationUrl)
    const contents = new FakeWebContents()
    emit(recorded.appHandlers, 'web-contents-created', fakeEvent(), contents)
    expect(prevented(contents, 'will-navigate', 'https://evil.example/')).toBe(true)
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
  })
})

describe('the system browser', () => {
  it('opens a tracking URL the station stored, from a link or window.open', () => {
    const contents = guarded()
    contents.windowOpenHandler!({ url: TRACKING })
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(TRACKING)
  })

  it('opens nothing else', () => {
    const contents = guarded()
    const others = ['https://evil.example/', `${TRACKING}&x=1`, TRACKING.toUpperCase(), 'app://station/index.html', 'file:///etc/passwd']
    for (const url of others) {
      contents.windowOpenHandler!({ url })
    }
    expect(shell.openExternal).not.toHaveBeenCalled()
  })

  it('refuses a non-web or credentialed URL even when the lookup would say yes', () => {
    const yes = () => true
    const unsafe = [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'http://user:pw@www.dhl.com/track',
      'https://user@www.dhl.com/',
      'smb://server/share',
      'ms-settings:',
      'data:text/html,hi',
      'not a url'
    ]
    for (const url of unsafe) {
      expect(openExternally(url, yes), url).toBe(false)
    }
    expect(shell.openExternal).not.toHaveBeenCalled()
    expect(openExternally('http://www.dhl.com/track', yes)).toBe(true)
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('http://www.dhl.com/track')
  })
})
