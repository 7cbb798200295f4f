// The browser host started as its own process (src/main/host/cli.ts): the
// address it prints once it listens. Used by the e2e fixture and the paint bench.
import type { ChildProcess } from 'node:child_process'

/** The URL the host prints ("Open http://127.0.0.1:PORT/"), or the host's output if it exits or stays silent. */
export function waitForUrl(child: ChildProcess, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`The station did not start:\n${output}`)), timeoutMs)
    const onData = (chunk: Buffer) => {
      output += String(chunk)
      const match = output.match(/Open (http:\/\/127\.0\.0\.1:\d+\/)/)
      if (match) {
        clearTimeout(timer)
        resolvePromise(match[1])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`The station exited (${code}):\n${output}`))
    })
  })
}
