// A real pseudo-terminal pair made by socat (`pty,raw,echo=0` both ends): the
// station opens end `a` as its serial scanner; the test writes scanner bytes
// into end `b`. stop() kills socat (an unplug); start() again re-creates the
// same link names (a replug). Used by the vitest serial tests and the e2e spec.
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type PtyPair = {
  /** The station's end. */
  a: string
  /** The test's end: what is written here arrives at `a`. */
  b: string
  start(): Promise<void>
  /** Kills socat: both ends disappear. */
  stop(): Promise<void>
  write(bytes: string | Buffer): void
  /** Stops socat and removes the folder. */
  dispose(): Promise<void>
}

export function ptyPair(): PtyPair {
  const dir = mkdtempSync(join(tmpdir(), 'ps-pty-'))
  const a = join(dir, 'a')
  const b = join(dir, 'b')
  let socat: ChildProcess | null = null
  let writer: number | null = null

  const closeWriter = () => {
    if (writer !== null) closeSync(writer)
    writer = null
  }

  const pair: PtyPair = {
    a,
    b,
    async start() {
      if (socat) throw new Error('socat is already running')
      const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
        stdio: ['ignore', 'ignore', 'pipe']
      })
      socat = child
      let log = ''
      child.stderr!.on('data', (d) => (log += String(d)))
      const deadline = Date.now() + 10_000
      while (!(existsSync(a) && existsSync(b))) {
        if (child.exitCode !== null) throw new Error(`socat exited (${child.exitCode}): ${log}`)
        if (Date.now() > deadline) throw new Error(`socat did not create the pty pair: ${log}`)
        await new Promise((r) => setTimeout(r, 20))
      }
    },
    async stop() {
      closeWriter()
      const child = socat
      socat = null
      if (!child || child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
    write(bytes) {
      writer ??= openSync(b, 'w')
      writeSync(writer, typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes)
    },
    async dispose() {
      await pair.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return pair
}
