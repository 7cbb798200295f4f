// The OS print spooler (CUPS on Linux and macOS): queues from `lpstat`, jobs
// through `lp`. Always execFile with an argument array, never a shell; the
// job's bytes go through stdin, so no temporary file and no file name to quote.
// A queue name is checked again here, whoever calls (the settings may predate
// the rule, or come from somewhere other than the screens), and is passed so
// that neither command can read it as an option: see checkQueue and spoolJob.
import { execFile } from 'node:child_process'
import { queueName } from '../../shared/labels'
import type { Words } from '../../shared/words'
import { english } from '../core/errors'

export type SpoolerOptions = { lp?: string; lpstat?: string; timeoutMs?: number }

/** A print failure: its catalogue words (`printing:problem.*`), for each screen to word; `message` is their English. */
export class PrintError extends Error {
  readonly words?: Words
  constructor(
    readonly code: 'offline' | 'timeout' | 'refused' | 'paper_out' | 'paused' | 'not_installed' | 'not_found' | 'bad_queue_name' | 'failed',
    words: Words | string
  ) {
    super(typeof words === 'string' ? words : english(words))
    this.name = 'PrintError'
    if (typeof words !== 'string') this.words = words
  }
}

/** Why `queue` is not a name to hand to lp/lpstat, or null when it is one. */
export function queueNameProblem(queue: string): string | null {
  const checked = queueName.safeParse(queue)
  if (!checked.success) return checked.error.issues[0]?.message ?? 'This is not a printer queue name.'
  // The schema trims; a name that only passes once trimmed is not the name CUPS would be asked about.
  return checked.data === queue ? null : 'A printer queue name cannot start or end with spaces'
}

/** Refuses a queue name that lp/lpstat could read as options (a leading '-') or that CUPS would never accept. */
export function assertQueueName(queue: string): void {
  const problem = queueNameProblem(queue)
  if (!problem) return
  // `problem` is the queue-name rule's English (src/shared/labels.ts), a detail beside the sentence.
  throw new PrintError('bad_queue_name', {
    key: 'printing:problem.badQueueName',
    params: { queue: JSON.stringify(queue).slice(0, 80), problem }
  })
}

type Run = { stdout: string; stderr: string }

function run(command: string, args: string[], input: Buffer | null, timeoutMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      command,
      args,
      { timeout: timeoutMs, maxBuffer: 1024 * 1024, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C', LANG: 'C' } },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr })
        const e = error as NodeJS.ErrnoException & { killed?: boolean }
        if (e.code === 'ENOENT')
          return reject(new PrintError('not_installed', { key: 'printing:problem.notInstalled', params: { command } }))
        if (e.killed)
          return reject(
            new PrintError('timeout', { key: 'printing:problem.spoolerTimeout', params: { seconds: Math.round(timeoutMs / 1000) } })
          )
        const why = (stderr || e.message).trim().replace(/^lp(stat)?:\s*/, '')
        reject(new PrintError('refused', { key: 'printing:problem.spoolerRefused', params: { error: why } }))
      }
    )
    child.stdin?.on('error', () => undefined) // lp may exit before reading everything; its exit status tells why
    child.stdin?.end(input ?? undefined)
  })
}

/** The CUPS queues and the default one; empty when CUPS is not installed. */
export async function listQueues(options: SpoolerOptions = {}): Promise<{ queues: string[]; defaultQueue: string | null }> {
  const lpstat = options.lpstat ?? 'lpstat'
  const timeout = options.timeoutMs ?? 5000
  const { stdout } = await run(lpstat, ['-e'], null, timeout)
  const queues = stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const def = await run(lpstat, ['-d'], null, timeout).catch(() => ({ stdout: '', stderr: '' }))
  const match = /system default destination:\s*(\S+)/.exec(def.stdout)
  return { queues, defaultQueue: match?.[1] ?? null }
}

/**
 * What CUPS says about the queue before a job goes to it: refuses when the
 * queue does not exist or is disabled (CUPS gives the printer's reason, e.g.
 * "Paper out" or "Printer is not connected").
 */
export async function checkQueue(queue: string, options: SpoolerOptions = {}): Promise<void> {
  assertQueueName(queue)
  // Attached (`-pQueue`), never `-p Queue`: lpstat takes the next argument as the list only when it does not start
  // with '-', so `-p -hhost` would reach -h. lpstat has no `--` (it exits on it as an unknown option).
  const { stdout } = await run(options.lpstat ?? 'lpstat', [`-p${queue}`], null, options.timeoutMs ?? 5000).catch((e: PrintError) => {
    if (e.code === 'refused') throw new PrintError('not_found', { key: 'printing:problem.noQueue', params: { queue } })
    throw e
  })
  if (/\bdisabled\b/.test(stdout)) {
    const reason = stdout
      .split('\n')
      .slice(1)
      .map((l) => l.trim())
      .filter(Boolean)
      .join('; ')
    const code = /paper|media/i.test(reason) ? 'paper_out' : 'offline'
    throw new PrintError(
      code,
      reason
        ? { key: 'printing:problem.stoppedBecause', params: { queue, reason } }
        : { key: 'printing:problem.stopped', params: { queue } }
    )
  }
}

/** Sends a job to a CUPS queue; `raw` for ZPL (no filtering). Returns the request id. */
export async function spoolJob(
  queue: string,
  data: Buffer,
  opts: { raw: boolean; title: string },
  options: SpoolerOptions = {}
): Promise<string> {
  assertQueueName(queue)
  await checkQueue(queue, options)
  // lp takes the argument after -d/-t whatever it starts with; `--` ends the options, so the job comes from stdin.
  const args = ['-d', queue, '-t', opts.title.slice(0, 120), ...(opts.raw ? ['-o', 'raw'] : []), '--']
  const { stdout } = await run(options.lp ?? 'lp', args, data, options.timeoutMs ?? 15000)
  return /request id is (\S+)/.exec(stdout)?.[1] ?? stdout.trim()
}
