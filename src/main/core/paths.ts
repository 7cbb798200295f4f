import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
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

export const APP_NAME = 'Packing Station'
export const DATA_DIR_ENV = 'PACKING_STATION_DATA_DIR'

/** The per-user data folder Electron would use (`app.getPath('userData')`), for hosts without Electron. */
export function defaultDataDir(env = process.env, platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME)
}

/** `--data-dir DIR` / `--data-dir=DIR` from a command line, else the environment variable. */
export function dataDirFromArgs(argv: string[], env = process.env): string | undefined {
  return optionFromArgs(argv, 'data-dir') ?? env[DATA_DIR_ENV] ?? undefined
}

export function optionFromArgs(argv: string[], name: string): string | undefined {
  const flag = `--${name}`
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === flag && argv[i + 1] !== undefined) return argv[i + 1]
    if (argv[i].startsWith(`${flag}=`)) return argv[i].slice(flag.length + 1)
  }
  return undefined
}
