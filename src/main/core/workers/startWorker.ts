// Starts one of the core's worker threads. From the sources (tsx, the tests)
// the worker is its .ts file, loaded through tsx; the build ships each as its
// own entry next to the main process's bundle (electron.vite.config.ts).
import { Worker } from 'node:worker_threads'

/**
 * `source` is the worker's file from the caller's folder (new URL('./x.ts', import.meta.url));
 * `built` its name in the build (an entry of electron.vite.config.ts).
 */
export function startWorker(source: URL, built: string, workerData: unknown): Worker {
  const fromSources = import.meta.url.endsWith('.ts')
  const url = fromSources ? source : new URL(`./${built}`, import.meta.url)
  const loader = fromSources && !process.execArgv.some((arg) => arg.includes('tsx')) ? ['--import', 'tsx'] : []
  return new Worker(url, { workerData, execArgv: [...process.execArgv, ...loader] })
}
