// The window's web preferences: locked down always, DevTools only unpackaged.
import { describe, expect, it, vi } from 'vitest'
import { app, recorded } from './electronStub'
import { createMainWindow, mainWindowOptions } from '../../src/main/windows'

vi.mock('electron', () => import('./electronStub'))

const LOCKED_DOWN = { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true }

describe('the main window', () => {
  it('has no DevTools when packaged, and keeps the renderer locked down either way', () => {
    const packaged = mainWindowOptions('/p/preload.cjs', true).webPreferences
    expect(packaged).toMatchObject({ ...LOCKED_DOWN, devTools: false, preload: '/p/preload.cjs' })
    expect(mainWindowOptions('/p/preload.cjs', false).webPreferences).toMatchObject({ ...LOCKED_DOWN, devTools: true })
  })

  it('reads app.isPackaged when not told', () => {
    app.isPackaged = true
    expect(mainWindowOptions('/p/preload.cjs').webPreferences?.devTools).toBe(false)
    app.isPackaged = false
    expect(mainWindowOptions('/p/preload.cjs').webPreferences?.devTools).toBe(true)
  })

  it('loads the renderer by URL (app://station), never from a file', () => {
    app.isPackaged = true
    const win = createMainWindow('app://station/index.html', '/p/preload.cjs') as unknown as (typeof recorded.windows)[number]
    expect(recorded.windows).toEqual([win])
    expect(win.options).toMatchObject({ show: false, webPreferences: { ...LOCKED_DOWN, devTools: false } })
    expect(win.loadURL).toHaveBeenCalledExactlyOnceWith('app://station/index.html')
    expect(win.loadFile).not.toHaveBeenCalled()
  })
})
