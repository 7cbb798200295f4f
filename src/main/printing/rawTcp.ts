// Raw ZPL straight to a thermal printer's TCP port 9100 (JetDirect), with a
// timeout on every step. Before the job, the printer is asked for its host
// status (~HS): paper out, head open, ribbon out or paused stop the job with
// that reason; a printer that does not answer the query still gets the job.
import { connect, type Socket } from 'node:net'
import type { WordValues } from '../../shared/words'
import { PrintError } from './spooler'

export type RawTarget = { host: string; port: number }
export type RawOptions = { connectTimeoutMs?: number; statusTimeoutMs?: number; sendTimeoutMs?: number }

export type HostStatus = { paperOut: boolean; paused: boolean; headOpen: boolean; ribbonOut: boolean }

const where = (t: RawTarget) => `${t.host}:${t.port}`
/** The sentence `printing:problem.<key>` about the printer at `target`. */
const about = (key: string, target: RawTarget, params: WordValues = {}) => ({
  key: `printing:problem.${key}`,
  params: { where: where(target), ...params }
})

function open(target: RawTarget, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port })
    const timer = setTimeout(() => {
      socket.destroy()
      reject(
        // Key: printing:problem.noAnswer
        new PrintError('timeout', about('noAnswer', target, { seconds: Math.round(timeoutMs / 1000) }))
      )
    }, timeoutMs)
    socket.once('connect', () => {
      clearTimeout(timer)
      resolve(socket)
    })
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(describe(error, target))
    })
  })
}

function describe(error: NodeJS.ErrnoException, target: RawTarget): PrintError {
  switch (error.code) {
    case 'ECONNREFUSED':
      return new PrintError('offline', about('offline', target)) // printing:problem.offline
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new PrintError('offline', { key: 'printing:problem.noHost', params: { host: target.host } })
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return new PrintError('offline', about('unreachable', target)) // printing:problem.unreachable
    case 'ECONNRESET':
    case 'EPIPE':
      return new PrintError('failed', about('closed', target)) // printing:problem.closed
    default:
      return new PrintError('failed', about('sendFailed', target, { error: error.message })) // printing:problem.sendFailed
  }
}

/** Parses a ~HS answer (three STX…ETX strings); null if it is not one. */
export function parseHostStatus(text: string): HostStatus | null {
  const strings = [...text.matchAll(/\x02([^\x03]*)\x03/g)].map((m) => m[1].split(','))
  if (strings.length < 2 || strings[0].length < 3 || strings[1].length < 4) return null
  return {
    paperOut: strings[0][1] === '1',
    paused: strings[0][2] === '1',
    headOpen: strings[1][2] === '1',
    ribbonOut: strings[1][3] === '1'
  }
}

/** Asks for ~HS; null when the printer does not answer in time (many do not, on a shared port). */
export async function queryHostStatus(target: RawTarget, options: RawOptions = {}): Promise<HostStatus | null> {
  const socket = await open(target, options.connectTimeoutMs ?? 3000)
  return new Promise((resolve) => {
    let answer = ''
    const done = (status: HostStatus | null) => {
      clearTimeout(timer)
      socket.destroy()
      resolve(status)
    }
    const timer = setTimeout(() => done(parseHostStatus(answer)), options.statusTimeoutMs ?? 1500)
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1')
      const status = parseHostStatus(answer)
      if (status && (answer.match(/\x03/g) ?? []).length >= 3) done(status)
    })
    socket.on('error', () => done(null))
    socket.write('~HS')
  })
}

function refusal(status: HostStatus, target: RawTarget): PrintError | null {
  // Keys: printing:problem.paperOut, .headOpen, .ribbonOut, .paused
  if (status.paperOut) return new PrintError('paper_out', about('paperOut', target))
  if (status.headOpen) return new PrintError('paper_out', about('headOpen', target))
  if (status.ribbonOut) return new PrintError('paper_out', about('ribbonOut', target))
  if (status.paused) return new PrintError('paused', about('paused', target))
  return null
}

/** Sends the job; resolves once every byte has been handed to the printer and the connection closed cleanly. */
export async function sendRaw(target: RawTarget, data: string | Buffer, options: RawOptions = {}): Promise<void> {
  const status = await queryHostStatus(target, options)
  if (status) {
    const refused = refusal(status, target)
    if (refused) throw refused
  }
  const socket = await open(target, options.connectTimeoutMs ?? 3000)
  const timeoutMs = options.sendTimeoutMs ?? 10000
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy()
      reject(
        // Key: printing:problem.stalled
        new PrintError('timeout', about('stalled', target, { seconds: Math.round(timeoutMs / 1000) }))
      )
    }, timeoutMs)
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(describe(error, target))
    })
    socket.end(data, () => {
      clearTimeout(timer)
      socket.destroy()
      resolve()
    })
  })
}
