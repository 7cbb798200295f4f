// Where the Electron binary is, when `npm install` could download it (it cannot
// on an offline machine): the specs then run against the Electron app, else
// against the browser host. Read by the fixtures and by playwright.config.ts.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')

export function electronBinary(): string | null {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

/**
 * Specs that need the browser host itself: two stations side by side (the Electron app takes one window per PC),
 * a fault injected on the host's WebSocket (Electron's IPC has none), or Chromium's fake camera (a launch switch of
 * the browser). Against Electron they are not collected.
 */
export const BROWSER_HOST_ONLY = ['**/settings-file.spec.ts', '**/error-boundary.spec.ts', '**/packing-evidence.spec.ts']
