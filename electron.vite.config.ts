import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'

// `npm run dev` only: the React refresh preamble is an inline script and hot reload talks over a
// WebSocket, which the shipped CSP forbids. The built app keeps the strict policy untouched.
const devCsp = (): Plugin => ({
  name: 'packing-station-dev-csp',
  apply: 'serve',
  transformIndexHtml: (html) =>
    html
      .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: http://localhost:*")
})

// Three builds: the main process (ESM, dependencies stay in node_modules),
// the preload (one CommonJS file: a sandboxed preload cannot be ESM or
// require anything but 'electron'), and the React renderer.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rolldownOptions: {
        // The core's worker threads, each its own entry next to the bundle (src/main/core/workers/startWorker.ts finds them):
        // the order import's file reader, the database check, and the shift reports.
        input: {
          index: resolve('src/main/index.ts'),
          importWorker: resolve('src/main/core/orders/import/parseWorker.ts'),
          integrityWorker: resolve('src/main/core/db/integrityWorker.ts'),
          reportsWorker: resolve('src/main/core/reports/reportWorker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react(), devCsp()],
    build: {
      rolldownOptions: {
        input: { index: resolve('src/renderer/index.html') }
      }
    }
  }
})
