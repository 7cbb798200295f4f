import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Finds a folder shipped with the app (`drizzle/`, `resources/`) from wherever
 * this code runs: the source tree, the build output in `out/`, or app.asar.
 */
export function findAppFolder(name: string, marker: string, start = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const candidate = join(dir, name)
    if (existsSync(join(candidate, marker))) return candidate
    if (dirname(dir) === dir) throw new Error(`No ${name}/ folder (with ${marker}) above ${start}`)
  }
}
