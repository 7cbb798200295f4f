// What this station runs on: the app's version, Node's, Electron's and
// Chromium's (when it runs in Electron), SQLite's, and the operating system.
import { arch, platform, release } from 'node:os'
import type Database from 'better-sqlite3'

export type Versions = {
  app: string
  node: string
  electron: string | null
  chromium: string | null
  sqlite: string
  os: string
}

export function stationVersions(sqlite: Database.Database, appVersion: string | undefined): Versions {
  const v = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string }
  return {
    app: appVersion ?? 'unknown',
    node: v.node,
    electron: v.electron ?? null,
    chromium: v.chrome ?? null,
    sqlite: (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v,
    os: `${platform()} ${release()} ${arch()}`
  }
}
