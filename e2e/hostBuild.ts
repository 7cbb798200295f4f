// Playwright's global setup: the browser host (src/main/host/cli.ts) built once per run into one ES module, so each
// test's station starts with plain Node instead of tsx. tsx starts two Node processes and compiles or looks up every
// source file on each start, which cost every one of the ~60 tests about 2.5 s of CPU (the machine has 2 cores).
// The bundle runs the same sources: dependencies stay in node_modules, the core's worker threads are entries next to
// it under the names the built app gives them (src/main/core/workers/startWorker.ts), and it sits inside the checkout
// so findAppFolder still finds out/renderer, drizzle/ and resources/ above it.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { electronBinary } from './electronBinary'

const root = resolve(import.meta.dirname, '..')

/** Where the fixtures find the built host (set for the run's workers), unset when the specs run against Electron. */
export const HOST_BUNDLE_ENV = 'PACKING_STATION_E2E_HOST'

export default async function buildHost(): Promise<(() => void) | undefined> {
  if (electronBinary()) return undefined
  // One folder per run: a run started meanwhile never finds a half-written bundle. Folders of runs that were killed
  // before their teardown go here.
  const cache = join(root, 'node_modules', '.cache', 'e2e-host')
  for (const name of existsSync(cache) ? readdirSync(cache) : [])
    if (!running(Number(name))) rmSync(join(cache, name), { recursive: true, force: true })
  const outDir = join(cache, String(process.pid))
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: {
          host: resolve(root, 'src/main/host/cli.ts'),
          importWorker: resolve(root, 'src/main/core/orders/import/parseWorker.ts'),
          integrityWorker: resolve(root, 'src/main/core/db/integrityWorker.ts'),
          reportsWorker: resolve(root, 'src/main/core/reports/reportWorker.ts')
        },
        output: { format: 'esm', entryFileNames: '[name].js' }
      }
    }
  })
  mkdirSync(outDir, { recursive: true })
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n')
  process.env[HOST_BUNDLE_ENV] = join(outDir, 'host.js')
  return () => rmSync(outDir, { recursive: true, force: true })
}

/** Whether a process with this id runs (signal 0 only asks). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Node's arguments that start a browser host on `dataDir` at a free port: the run's bundle when the global setup built
 * one, else the sources through tsx (a spec run on its own with a config without the setup).
 */
export function hostArgs(dataDir: string): string[] {
  const bundle = process.env[HOST_BUNDLE_ENV]
  const host = bundle ? [bundle] : [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'src/main/host/cli.ts')]
  return [...host, '--port', '0', '--data-dir', dataDir]
}
