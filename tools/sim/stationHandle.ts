// The simulation's side of one station process: starts it (fork with tsx's
// loader: one process, so a SIGKILL kills the station itself), sends contract
// calls and waits for their answers, kills it with SIGKILL and starts it
// again on the same data folder. A call in flight when the process dies fails
// with StationGone; the operator waits for `running()` and carries on.
import { fork, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'
import type { Envelope } from '../../src/shared/contract'
import type { FromStation, StationAudit, ToStation } from './protocol'

const ENTRY = resolve(import.meta.dirname, 'stationProcess.ts')
const ROOT = resolve(import.meta.dirname, '../..')

export class StationGone extends Error {
  constructor(name: string) {
    super(`${name}'s process ended`)
    this.name = 'StationGone'
  }
}

type Waiting = { resolve: (message: FromStation) => void; reject: (error: Error) => void }

export class StationHandle {
  stationId = ''
  restarts = 0
  private child: ChildProcess | null = null
  private nextId = 1
  private readonly waiting = new Map<number, Waiting>()
  private up: Promise<void> | null = null
  /** Everything the station process wrote on stderr, for the report when it fails. */
  stderr = ''

  constructor(
    readonly name: string,
    readonly dataDir: string,
    private readonly startTimeoutMs = 180_000
  ) {}

  /** Starts the process; resolves once its station is open. */
  start(): Promise<void> {
    const child = fork(ENTRY, ['--data-dir', this.dataDir], {
      cwd: ROOT,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'advanced'
    })
    this.child = child
    child.stderr!.on('data', (chunk) => {
      this.stderr = (this.stderr + String(chunk)).slice(-4000)
    })
    this.up = new Promise<void>((resolveUp, rejectUp) => {
      const timer = setTimeout(
        () => rejectUp(new Error(`${this.name} did not start within ${this.startTimeoutMs} ms`)),
        this.startTimeoutMs
      )
      child.on('message', (message: FromStation) => {
        if (message.kind === 'ready') {
          clearTimeout(timer)
          this.stationId = message.stationId
          resolveUp()
        } else if (message.kind === 'failed') {
          clearTimeout(timer)
          rejectUp(new Error(`${this.name} could not open: ${message.message}`))
        } else {
          const waiter = this.waiting.get(message.id)
          this.waiting.delete(message.id)
          waiter?.resolve(message)
        }
      })
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        rejectUp(new Error(`${this.name} exited (${signal ?? code}) before it was ready: ${this.stderr.trim().slice(-500)}`))
        if (this.child === child) this.child = null
        for (const [id, waiter] of this.waiting) {
          this.waiting.delete(id)
          waiter.reject(new StationGone(this.name))
        }
      })
    })
    this.up.catch(() => {})
    return this.up
  }

  /** Resolves when the station is open (now, or once a restart finished); rejects when none comes within `timeoutMs`. */
  async running(timeoutMs = 120_000): Promise<void> {
    const until = Date.now() + timeoutMs
    while (!this.alive) {
      if (Date.now() > until) throw new Error(`${this.name} did not come back within ${timeoutMs} ms`)
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    return this.up!
  }

  get alive(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null
  }

  /** One contract call through the station's dispatch(); rejects with StationGone when the process dies first. */
  async call(channel: string, args: unknown = {}): Promise<Envelope<unknown>> {
    const answer = await this.request({ kind: 'call', channel, args })
    if (answer.kind !== 'answer') throw new Error(`${this.name} answered ${answer.kind} to a call`)
    return answer.envelope
  }

  async audit(): Promise<StationAudit> {
    const answer = await this.request({ kind: 'audit' })
    if (answer.kind !== 'audit') throw new Error(`${this.name} answered ${answer.kind} to the audit`)
    return answer.audit
  }

  /** SIGKILL, as a power cut would: nothing is closed, nothing flushed by the station. Resolves once the process is gone. */
  async kill(): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    const gone = new Promise<void>((resolveGone) => child.once('exit', () => resolveGone()))
    child.kill('SIGKILL')
    await gone
  }

  /** Killed, then started again on the same data folder. */
  async restart(): Promise<void> {
    await this.kill()
    this.restarts++
    await this.start()
  }

  /** Closes the station cleanly (its sync stops, its lock is released); kills it when it does not answer in time. */
  async close(timeoutMs = 10_000): Promise<void> {
    const child = this.child
    if (!child || !this.alive) return
    const gone = new Promise<void>((resolveGone) => child.once('exit', () => resolveGone()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    this.request({ kind: 'close' }).catch(() => {})
    await gone
    clearTimeout(timer)
  }

  private request(message: { kind: 'call'; channel: string; args: unknown } | { kind: 'audit' } | { kind: 'close' }): Promise<FromStation> {
    const child = this.child
    if (!child || !this.alive || !child.connected) return Promise.reject(new StationGone(this.name))
    const id = this.nextId++
    return new Promise<FromStation>((resolveAnswer, reject) => {
      this.waiting.set(id, { resolve: resolveAnswer, reject })
      child.send({ ...message, id } as ToStation, (error) => {
        if (!error) return
        this.waiting.delete(id)
        reject(new StationGone(this.name))
      })
    })
  }
}
