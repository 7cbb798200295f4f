// The last line of defence: an exception nobody caught or a promise nobody
// awaited is logged with its stack and the station keeps running. Every scan
// is committed before it is answered, so what was in flight failed on its own
// and the next call starts clean; ending the process here would only stop the
// warehouse. (Node ends the process on both by default; a listener on
// 'uncaughtException' and 'unhandledRejection' replaces that.)
import { log } from './logger'

let installed = false

/** Installs the handlers once per process (Electron's main, the browser host, the command line). */
export function installCrashHandlers(): void {
  if (installed) return
  installed = true
  process.on('uncaughtException', (error, origin) => {
    log.fatal({ event: 'uncaught_exception', origin, err: error }, 'An error nobody caught; the station keeps running')
    // Said where whoever started the station can see it too (the log may not be open yet at start-up), and should
    // nothing keep the process running after it, it ends as failed, not with exit code 0.
    console.error(`An error nobody caught: ${(error as Error)?.stack ?? String(error)}`)
    process.exitCode = 1
  })
  process.on('unhandledRejection', (reason) => {
    log.error({ event: 'unhandled_rejection', err: reason }, 'A failed background promise nobody handled; the station keeps running')
  })
}
