// What every feature's handlers get from the station: the database, the
// clock, who is signed in, a way to tell the screens something changed, and
// a place to register clean-up for when the station closes.
import type { Channel, NoticeName, NoticeOf, ParsedArgsOf, ResultOf } from '../../shared/contract'
import type { Operator } from '../../shared/operators'
import type { Call } from './access/guard'
import type { Clock } from './clock'
import type { Connection, Db } from './db/connection'

/** `call` says who approved it, for channels that need a shift lead's approval (see src/shared/access.ts). */
export type Handler<C extends Channel> = (args: ParsedArgsOf<C>, call: Call) => ResultOf<C> | Promise<ResultOf<C>>
export type Handlers = { [C in Channel]: Handler<C> }
/** The station's handlers as hosts call them: the role table's guard already in front of each. */
export type GuardedHandlers = { [C in Channel]: (args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>> }
/** The handlers of one domain: `HandlersOf<'packing'>` is every `packing:*` channel. */
export type HandlersOf<D extends string> = { [C in Channel as C extends `${D}:${string}` ? C : never]: Handler<C> }

/** Channels the platform answers (printers, scanners); the core answers every other one. */
export type PlatformChannel = Extract<Channel, `labels:${string}` | `printing:${string}` | `scanners:${string}`>
export type CoreChannel = Exclude<Channel, PlatformChannel>

/** What the platform does after the core did something: reactions that never fail the core's work. */
export type StationHooks = {
  /** A box was confirmed (committed): e.g. print its label. */
  boxConfirmed(boxId: string): Promise<void>
  /** An order shipped (committed): e.g. print its shipping label. */
  orderShipped(orderId: number): Promise<void>
}

export type Notify = <N extends NoticeName>(notice: N, payload: NoticeOf<N>) => void
export type NoticeSink = (notice: NoticeName, payload: unknown) => void

export type StationContext = {
  db: Db
  connection: Connection
  clock: Clock
  dataDir: string
  stationId: string
  /** The signed-in operator, or null. */
  signedIn(): Operator | null
  /** The signed-in operator; refuses with "sign in first" when nobody is. */
  operator(): Operator
  /** Signs an operator in (or everybody out, with null). */
  setSignedIn(operator: Operator | null): void
  notify: Notify
  /** Releases the holds whose dispatch time has passed (call before reading or scanning orders). */
  releaseHolds(): void
  /** Runs when the station closes (timers, devices, network clients). */
  onClose(cleanup: () => void): void
  /** The platform's reactions, wired by the composition root (src/main/station.ts). */
  hooks: StationHooks
}
