// The one contract between the renderer and the main process: every channel
// is `domain:verb`, with a zod schema for its arguments and one for its result.
// Electron's ipc.ts, the browser host and the preload are all built from this map.
import { z } from 'zod'
import { appChannels } from './app'
import { healthChannels, healthNotices } from './health'
import { labelChannels, labelNotices } from './labels'
import { operatorChannels } from './operators'
import { orderChannels, orderNotices } from './orders'
import { recoveryChannels } from './recovery'
import { firstRunChannels } from './firstRun'
import { settingsFileChannels } from './settingsFile'
import { reportChannels } from './reports'
import { packingChannels } from './packing'
import { scannerChannels, scannerNotices } from './scanners'
import { scanningChannels } from './scanning'
import { settingsChannels } from './settings'
import { shippingChannels } from './shipping'
import { syncChannels, syncNotices } from './sync'
import { claimChannels } from './claims'
import { WordValues, type Words } from './words'
import { ledgerChannels } from './ledger'
import { evidenceChannels } from './evidence'

/** Every request channel: `domain:verb` → zod schemas of its arguments and result. One file per domain declares its own. */
export const contract = {
  ...appChannels,
  ...operatorChannels,
  ...orderChannels,
  ...scanningChannels,
  ...packingChannels,
  ...settingsChannels,
  ...labelChannels,
  ...scannerChannels,
  ...shippingChannels,
  ...syncChannels,
  ...claimChannels,
  ...ledgerChannels,
  ...evidenceChannels,
  ...healthChannels,
  ...recoveryChannels,
  ...reportChannels,
  ...firstRunChannels,
  ...settingsFileChannels
} as const

/** Every main → renderer notice: `domain:event` → zod schema of its payload. */
export const notices = {
  ...orderNotices,
  ...labelNotices,
  ...scannerNotices,
  ...syncNotices,
  ...healthNotices
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type ArgsOf<C extends Channel> = z.input<Contract[C]['args']>
export type ParsedArgsOf<C extends Channel> = z.output<Contract[C]['args']>
export type ResultOf<C extends Channel> = z.output<Contract[C]['result']>

export const channels = Object.keys(contract) as Channel[]

export type Notices = typeof notices
export type NoticeName = keyof Notices
export type NoticeOf<N extends NoticeName> = z.output<Notices[N]>
export type NoticeListener<N extends NoticeName> = (payload: NoticeOf<N>) => void
/** Subscribes to one notice; returns the unsubscribe function. */
export type Subscribe = <N extends NoticeName>(notice: N, listener: NoticeListener<N>) => () => void

export function isNotice(name: unknown): name is NoticeName {
  return typeof name === 'string' && Object.hasOwn(notices, name)
}

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(contract, name)
}

/**
 * What every call returns over the wire: a value, or a failure a person can read. `message` is English (logs,
 * the command line, an older screen); `key` and `params` are the same sentence as a catalogue entry
 * (src/shared/words.ts) each screen words in its operator's language.
 */
export const Failure = z.object({
  code: z.string(),
  message: z.string(),
  key: z.string().min(1).max(200).optional(),
  params: WordValues.optional()
})
export type Failure = z.infer<typeof Failure>
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: Failure }

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never
type ByDomain<R extends Record<Channel, unknown>> = {
  [D in DomainOf<Channel>]: { [V in VerbOf<Channel, D>]: `${D}:${V}` extends Channel ? R[`${D}:${V}`] : never }
}

/**
 * `window.station`, as the preload (or the browser host's client) exposes it:
 * one method per channel, grouped by domain, each resolving to an Envelope.
 * No generic invoke: only the channels of the contract exist.
 */
export type StationBridge = ByDomain<{ [C in Channel]: (args?: ArgsOf<C>) => Promise<Envelope<ResultOf<C>>> }> & { on: Subscribe }

/** The same methods for the screens: they resolve to the result or throw a StationError. */
export type StationApi = ByDomain<{ [C in Channel]: (args?: ArgsOf<C>) => Promise<ResultOf<C>> }> & { on: Subscribe }

/** The raw, envelope-returning transport a bridge is built on (ipcRenderer.invoke, or a WebSocket). */
export type Transport = (channel: Channel, args: unknown) => Promise<Envelope<unknown>>

/** A refusal: a stable code for programs, an English `message`, and (when it has them) the catalogue words of that message. */
export class StationError extends Error {
  readonly key?: string
  readonly params?: WordValues
  constructor(
    readonly code: string,
    message: string,
    words?: Words
  ) {
    super(message)
    this.name = 'StationError'
    if (words) {
      this.key = words.key
      if (words.params) this.params = words.params
    }
  }

  /** The failure envelope's `error`. */
  toFailure(): Failure {
    return {
      code: this.code,
      message: this.message,
      ...(this.key ? { key: this.key } : {}),
      ...(this.params ? { params: this.params } : {})
    }
  }

  /** A failure from the wire, checked: words that do not fit the schema are dropped, the code and message kept. */
  static fromFailure(error: unknown): StationError {
    const checked = Failure.safeParse(error)
    if (checked.success) {
      const { code, message, key, params } = checked.data
      return new StationError(code, message, key ? { key, params } : undefined)
    }
    const loose = (error ?? {}) as { code?: unknown; message?: unknown }
    return new StationError(String(loose.code ?? 'internal'), String(loose.message ?? 'The station gave no reason.'))
  }
}

function byDomain(method: (channel: Channel) => (args?: unknown) => Promise<unknown>) {
  const api: Record<string, Record<string, (args?: unknown) => Promise<unknown>>> = {}
  for (const channel of channels) {
    const [domain, verb] = channel.split(':') as [string, string]
    api[domain] ??= {}
    api[domain][verb] = method(channel)
  }
  return api
}

export function buildBridge(transport: Transport, subscribe: Subscribe): StationBridge {
  const bridge = byDomain((channel) => (args) => transport(channel, args ?? {})) as unknown as StationBridge
  return Object.assign(bridge, {
    on: ((notice, listener) => {
      if (!isNotice(notice)) throw new Error(`There is no station notice named ${String(notice).slice(0, 60)}.`)
      if (typeof listener !== 'function') throw new Error('A notice listener must be a function.')
      return subscribe(notice, listener)
    }) as Subscribe
  })
}

/** Wraps a bridge for the screens: a failure envelope becomes a thrown StationError. */
export function buildApi(bridge: StationBridge): StationApi {
  const raw = bridge as unknown as Record<string, Record<string, (args?: unknown) => Promise<Envelope<unknown>>>>
  const api = byDomain((channel) => {
    const [domain, verb] = channel.split(':') as [string, string]
    return async (args) => {
      const envelope = await raw[domain][verb](args)
      if (!envelope.ok) throw StationError.fromFailure(envelope.error)
      return envelope.value
    }
  }) as unknown as StationApi
  return Object.assign(api, { on: bridge.on })
}
