// The station's log: one JSON object a line (pino), written to
// <dataDir>/logs/station.log and rotated by size (rotating-file-stream:
// station.log.1 … station.log.N, the oldest dropped). Both run in this
// process with no transport worker, so the same code works under plain Node
// (command line, browser host, tests) and in Electron's bundled main
// process. Until a data folder's log is opened (and after it closes),
// warnings and errors go to stderr as before.
//
// The station logs start-up, sign-ins, every refusal (its StationError code),
// sync and print failures, and errors with what was being done — never a
// secret (see redact.ts).
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import pino, { type Logger } from 'pino'
import { createStream, type RotatingFileStream } from 'rotating-file-stream'
import { REDACT_PATHS, REDACTED, scrubText } from './redact'

export const LOG_FOLDER = 'logs'
export const LOG_FILE = 'station.log'

export type LogFileOptions = {
  /** Rotate when the file reaches this size (rotating-file-stream syntax: '5M', '300B'). */
  size?: string
  /** Rotated files kept beside the live one. */
  keep?: number
}

export type LogFile = {
  readonly dir: string
  /** Resolves once every line logged so far is in the file. */
  flush(): Promise<void>
  /** Stops writing to this folder (the log falls back to the previous one, or stderr). */
  close(): Promise<void>
}

const baseOptions = {
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: { paths: REDACT_PATHS, censor: REDACTED },
  hooks: { streamWrite: scrubText }
} satisfies pino.LoggerOptions

const stderrLogger: Logger = pino({ ...baseOptions, level: 'warn' }, pino.destination({ dest: 2, sync: true }))

type Open = { logger: Logger; file: LogFile }
/** The data folders' logs open in this process; the last one opened gets the lines (one station per process in use). */
const opened: Open[] = []
const current = (): Logger => opened.at(-1)?.logger ?? stderrLogger

export const logFolder = (dataDir: string): string => join(dataDir, LOG_FOLDER)

/** Starts logging into `<dataDir>/logs`. */
export function openLogFile(dataDir: string, { size = '5M', keep = 5 }: LogFileOptions = {}): LogFile {
  const dir = logFolder(dataDir)
  mkdirSync(dir, { recursive: true })
  const stream: RotatingFileStream = createStream(LOG_FILE, { path: dir, size, rotate: keep, mode: 0o600 })
  // A log that cannot be written (disk full, folder removed) must never end the station.
  stream.on('error', (error) => stderrLogger.error({ err: error }, `The log file in ${dir} cannot be written`))
  stream.on('warning', () => {})
  const logger = pino({ ...baseOptions, level: 'info' }, stream)
  const flush = () =>
    new Promise<void>((resolve) => {
      if (stream.destroyed || stream.writableEnded) return resolve()
      stream.write('', () => resolve())
    })
  const file: LogFile = {
    dir,
    flush,
    close: async () => {
      const i = opened.findIndex((o) => o.file === file)
      if (i < 0) return
      opened.splice(i, 1)
      await new Promise<void>((resolve) => stream.end(() => resolve()))
    }
  }
  opened.push({ logger, file })
  return file
}

/** Resolves once every line logged so far is in its file (diagnostics export, tests). */
export async function flushLogs(): Promise<void> {
  await Promise.all(opened.map((o) => o.file.flush()))
}

type Fields = Record<string, unknown>

/** The station's log, wherever it currently goes. */
export const log = {
  info: (fields: Fields, message: string) => current().info(fields, message),
  warn: (fields: Fields, message: string) => current().warn(fields, message),
  error: (fields: Fields, message: string) => current().error(fields, message),
  fatal: (fields: Fields, message: string) => current().fatal(fields, message)
}

/** The `(message, error)` logger the core's background work and sync take: an error with what was being done. */
export function logFault(message: string, error?: unknown): void {
  if (error === undefined) log.error({}, message)
  else log.error({ err: error }, message)
}
