// src/main/index.ts wires the rules in: imported with the stand-in electron
// module and a real station (a real SQLite file holding one shipped order with
// a tracking URL), as a packaged app would start.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { app, emit, fakeEvent, FakeWebContents, recorded, session, shell } from './electronStub'
import { cleanup } from '../core/helpers'
import { A, shippingWorld } from '../core/shippingWorld'
import { DATA_DIR_ENV } from '../../src/main/core/paths'

vi.mock('electron', () => import('./electronStub'))

const TRACKING = 'https://www.dhl.com/de-en/home/tracking.html?tracking-id=00340434161234567890'
const saved = { dataDir: process.env[DATA_DIR_ENV], devServer: process.env.ELECTRON_RENDERER_URL }

beforeAll(async () => {
  const w = shippingWorld()
  await w.signIn('OP-1001')
  await w.pack(w.ids.one, [A(1), A(2)])
  await w.ship(w.ids.one, '00340434161234567890', TRACKING)
  w.close()
  process.env[DATA_DIR_ENV] = w.dataDir
  // A packaged app ignores a dev server URL left in the environment.
  process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
  app.isPackaged = true
})

afterAll(() => {
  emit(recorded.appHandlers, 'will-quit')
  cleanup()
  for (const [name, value] of [
    [DATA_DIR_ENV, saved.dataDir],
    ['ELECTRON_RENDERER_URL', saved.devServer]
  ] as const) {
    if (value === undefined) delete process.env[name]
    else process.env[name] = value
  }
})

describe('src/main/index.ts', () => {
  it('before ready: registers app:// as privileged, enables the sandbox, guards web contents', async () => {
    await import('../../src/main/index')
    expect(recorded.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }
    ])
    expect(recorded.sandboxEnabled).toBe(1)
    expect(recorded.appHandlers.get('web-contents-created')).toHaveLength(1)
    expect(recorded.protocolHandlers.size).toBe(0)
    expect(recorded.windows).toHaveLength(0)
  })

  it('at ready: denies permissions but the camera to the app, serves the renderer folder, opens app://station/index.html without DevTools', async () => {
    recorded.ready()
    await vi.waitFor(() => expect(recorded.windows).toHaveLength(1))

    const callback = vi.fn()
    session.defaultSession.permissionRequest!(...([{}, 'media', callback, {}] as never[]))
    expect(callback).toHaveBeenCalledExactlyOnceWith(false)
    expect(session.defaultSession.permissionCheck!(...([null, 'clipboard-read', 'app://station', {}] as never[]))).toBe(false)
    // The camera, video only, for the app's own page (packing evidence); no microphone, no other page.
    const asked = (origin: string, mediaTypes: string[]) => {
      const answer = vi.fn()
      session.defaultSession.permissionRequest!(...([{}, 'media', answer, { mediaTypes, securityOrigin: origin }] as never[]))
      return answer.mock.calls[0]![0]
    }
    expect(asked('app://station/', ['video'])).toBe(true)
    expect(asked('app://station/', ['video', 'audio'])).toBe(false)
    expect(asked('app://station/', ['audio'])).toBe(false)
    expect(asked('https://example.com/', ['video'])).toBe(false)
    expect(session.defaultSession.permissionCheck!(...([null, 'media', 'app://station', { mediaType: 'video' }] as never[]))).toBe(true)
    expect(session.defaultSession.permissionCheck!(...([null, 'media', 'app://station', { mediaType: 'audio' }] as never[]))).toBe(false)
    expect(session.defaultSession.permissionCheck!(...([null, 'geolocation', 'app://station', {}] as never[]))).toBe(false)
    expect(recorded.appHandlers.get('session-created')).toHaveLength(1)

    // Run from src/main, the handler serves src/renderer: built, out/main serves out/renderer.
    const res = await recorded.protocolHandlers.get('app')!({ url: 'app://station/index.html', method: 'GET' })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>Packing Station</title>')

    const [win] = recorded.windows
    const prefs = win.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({ devTools: false, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true })
    expect(prefs.preload).toBe(join(import.meta.dirname, '../../src/preload/index.cjs'))
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://station/index.html')
    expect(win.loadFile).not.toHaveBeenCalled()
  })

  it('opens in the browser only the tracking URL of a shipped order, and keeps the window in the app', () => {
    const contents = new FakeWebContents()
    emit(recorded.appHandlers, 'web-contents-created', fakeEvent(), contents)
    const others = ['https://evil.example/', `${TRACKING}#x`, 'http://user:pw@www.dhl.com/', 'javascript:alert(1)', 'file:///etc/passwd']
    for (const url of others) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' })
    }
    expect(shell.openExternal).not.toHaveBeenCalled()
    expect(contents.windowOpenHandler!({ url: TRACKING })).toEqual({ action: 'deny' })
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith(TRACKING)

    const navigations = [
      ['https://evil.example/', true],
      ['http://localhost:5173/', true],
      ['app://station/index.html#/orders', false]
    ] as const
    for (const [url, refused] of navigations) {
      const e = fakeEvent(url)
      emit(contents.handlers, 'will-navigate', e, url)
      expect(e.defaultPrevented, url).toBe(refused)
    }
  })

  it('answers IPC from app://station and refuses other pages and sub-frames', async () => {
    const handler = recorded.ipcHandlers.get('operators:current')!
    const call = (url: string, subFrame = false) => {
      const mainFrame = { url }
      return handler({ senderFrame: subFrame ? { url } : mainFrame, sender: { mainFrame } }, undefined)
    }
    const untrusted = {
      ok: false,
      error: { code: 'untrusted_sender', message: 'This page may not talk to the station.', key: 'refusals:station.untrustedSender' }
    }
    expect(await call('https://evil.example/')).toMatchObject(untrusted)
    expect(await call('file:///opt/Packing%20Station/resources/app.asar/out/renderer/index.html')).toMatchObject(untrusted)
    expect(await call('http://localhost:5173/')).toMatchObject(untrusted)
    expect(await call('app://station/index.html', true)).toMatchObject(untrusted)
    expect(await call('app://station/index.html#/orders')).toMatchObject({ ok: true })
  })
})
