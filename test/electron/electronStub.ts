// A stand-in for the `electron` module (no Electron binary on the test
// machines): it records what the main process registers so the tests can
// call those handlers the way Electron would. Use with
//   vi.mock('electron', () => import('./electronStub'))
// and import the recorders from this file: both resolve to the same module.
import { vi } from 'vitest'

type Handler = (...args: never[]) => unknown
type Recorded = Map<string, Handler[]>

const record = (map: Recorded, event: string, fn: Handler) => {
  map.set(event, [...(map.get(event) ?? []), fn])
}

/** Calls every handler recorded for `event` with `args`, returning their results. */
export function emit(map: Recorded, event: string, ...args: unknown[]): unknown[] {
  return (map.get(event) ?? []).map((fn) => (fn as (...a: unknown[]) => unknown)(...args))
}

export class FakeSession {
  permissionRequest: Handler | null = null
  permissionCheck: Handler | null = null
  devicePermission: Handler | null = null
  setPermissionRequestHandler(fn: Handler | null) {
    this.permissionRequest = fn
  }
  setPermissionCheckHandler(fn: Handler | null) {
    this.permissionCheck = fn
  }
  setDevicePermissionHandler(fn: Handler | null) {
    this.devicePermission = fn
  }
}

export class FakeWebContents {
  handlers: Recorded = new Map()
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  url = ''
  mainFrame = {}
  on(event: string, fn: Handler) {
    record(this.handlers, event, fn)
    return this
  }
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = fn
  }
  getURL() {
    return this.url
  }
  send = vi.fn()
}

/** An Electron-style event: `defaultPrevented` tells whether the guard refused. */
export function fakeEvent(url = '') {
  const event = {
    url,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    }
  }
  return event
}

let markReady: () => void = () => undefined
const readyPromise = new Promise<void>((resolve) => {
  markReady = resolve
})

export const recorded = {
  appHandlers: new Map() as Recorded,
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response>>(),
  windows: [] as FakeBrowserWindow[],
  sandboxEnabled: 0,
  ipcHandlers: new Map<string, (event: unknown, args: unknown) => unknown>(),
  /** Lets `app.whenReady()` resolve, as Electron does once Chromium has started. */
  ready: () => markReady()
}

export const app = {
  isPackaged: false,
  setName: vi.fn(),
  getVersion: () => '0.0.0-test',
  getPath: vi.fn((_name: string) => {
    throw new Error('set PACKING_STATION_DATA_DIR in the test')
  }),
  enableSandbox: () => {
    recorded.sandboxEnabled++
  },
  on(event: string, fn: Handler) {
    record(recorded.appHandlers, event, fn)
    return app
  },
  whenReady: () => readyPromise,
  quit: vi.fn(),
  exit: vi.fn(),
  /** The first instance gets the lock; a test sets it to return false to play the second launch. */
  requestSingleInstanceLock: vi.fn(() => true)
}

export const dialog = {
  showErrorBox: vi.fn(),
  showMessageBox: vi.fn(async () => ({ response: 1 }))
}

export const protocol = {
  registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
    recorded.privilegedSchemes.push(...schemes)
  }),
  handle: vi.fn((scheme: string, fn: (request: { url: string; method: string }) => Promise<Response>) => {
    recorded.protocolHandlers.set(scheme, fn)
  })
}

export const session = { defaultSession: new FakeSession() }

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) }

export class FakeBrowserWindow {
  static getAllWindows = () => recorded.windows
  webContents = new FakeWebContents()
  loadURL = vi.fn(async (url: string) => {
    this.webContents.url = url
  })
  loadFile = vi.fn(async (_file: string) => undefined)
  once = vi.fn()
  show = vi.fn()
  minimized = false
  isMinimized = () => this.minimized
  restore = vi.fn(() => {
    this.minimized = false
  })
  focus = vi.fn()
  constructor(public options: Record<string, unknown>) {
    recorded.windows.push(this)
  }
}
export { FakeBrowserWindow as BrowserWindow }

export const ipcMain = {
  handle: vi.fn((channel: string, fn: (event: unknown, args: unknown) => unknown) => {
    recorded.ipcHandlers.set(channel, fn)
  })
}

export const webContents = { getAllWebContents: () => [] }

// No keychain: the station falls back to its plain-file secret store.
export const safeStorage = { isEncryptionAvailable: () => false, getSelectedStorageBackend: () => 'basic_text' }
