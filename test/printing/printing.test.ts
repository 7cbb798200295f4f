// Printing to real targets on loopback: a TCP listener standing in for a
// thermal printer's port 9100 receives the job; nothing listening is a clear
// "offline" failure in the job log, and Retry prints once it is back. The
// CUPS path runs real executables through execFile (scripts standing in for
// lp/lpstat, which this machine does not have) to check the arguments, the
// bytes on stdin and the refusals.
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../src/main/core/dispatch'
import type { Envelope, NoticeName } from '../../src/shared/contract'
import { queueName, type PrinterTarget, type PrintSettings } from '../../src/shared/labels'
import { getPrintSettings, savePrintSettings } from '../../src/main/core/labels/printSettings'
import { autoPrintBoxLabel, autoPrintShippingLabel } from '../../src/main/printing/autoPrint'
import { listJobs } from '../../src/main/printing/jobs'
import { printLabel, retryJob } from '../../src/main/printing/printLabel'
import { parseHostStatus, sendRaw } from '../../src/main/printing/rawTcp'
import { discoverPrinters } from '../../src/main/printing/discovery'
import { checkQueue, spoolJob } from '../../src/main/printing/spooler'
import { cleanup, makeDataDir, snapshot } from '../core/helpers'
import { labelStation, type LabelStation } from '../labels/fixtures'

const servers: Server[] = []
afterEach(async () => {
  cleanup()
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
})

type Printer = { port: number; jobs: Buffer[]; received: Promise<Buffer> }

/** A thermal printer on 127.0.0.1: answers ~HS with the given flags, collects every job. */
async function fakePrinter(
  status: { paperOut?: boolean; paused?: boolean; headOpen?: boolean } | 'silent' = {},
  port = 0
): Promise<Printer> {
  const jobs: Buffer[] = []
  let resolveJob: (b: Buffer) => void = () => undefined
  const received = new Promise<Buffer>((r) => (resolveJob = r))
  const server = createServer((socket: Socket) => {
    const chunks: Buffer[] = []
    socket.on('data', (chunk) => {
      if (chunk.toString('latin1') === '~HS') {
        if (status === 'silent') return
        const s1 = `\x02030,${status.paperOut ? 1 : 0},${status.paused ? 1 : 0},1218,000,0,0,0,000,0,0,0\x03\r\n`
        const s2 = `\x02001,0,${status.headOpen ? 1 : 0},0,0,2,4,0,00000000,1,000\x03\r\n`
        socket.write(`${s1}${s2}\x021234,0\x03\r\n`)
        return
      }
      chunks.push(chunk)
    })
    socket.on('end', () => {
      if (chunks.length) {
        const job = Buffer.concat(chunks)
        jobs.push(job)
        resolveJob(job)
      }
      socket.end()
    })
    socket.on('error', () => undefined)
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()))
  return { port: (server.address() as { port: number }).port, jobs, received }
}

/** A port on 127.0.0.1 with nothing listening. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const { port } = server.address() as { port: number }
  await new Promise((r) => server.close(r))
  return port
}

function context(t: LabelStation, notices: { notice: NoticeName; payload: unknown }[] = []) {
  return {
    db: t.db,
    clock: t.clock,
    signedIn: () => ({ id: t.operatorId, name: 'Marek Nowak', badgeCode: 'OP-1001', role: 'operator' as const }),
    notify: ((notice: NoticeName, payload: unknown) => notices.push({ notice, payload })) as never
  }
}

function usePrinter(t: LabelStation, kind: 'box_label' | 'shipping_label' | 'packing_slip', target: PrinterTarget | null) {
  const settings = getPrintSettings(t.db)
  savePrintSettings(t.db, { ...settings, printers: { ...settings.printers, [kind]: target } })
}

const quick = { raw: { connectTimeoutMs: 1000, statusTimeoutMs: 300, sendTimeoutMs: 2000 } }

describe('raw ZPL to port 9100', () => {
  it('the printer receives the box label job, and the job log says printed', async () => {
    const t = labelStation()
    const printer = await fakePrinter()
    usePrinter(t, 'box_label', { type: 'network', host: '127.0.0.1', port: printer.port, language: 'zpl', dpi: 203 })
    const notices: { notice: NoticeName; payload: unknown }[] = []
    const job = await printLabel(context(t, notices), { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne }, quick)
    const zpl = (await printer.received).toString('utf8')
    expect(zpl).toMatch(/^\^XA/)
    expect(zpl).toContain(`>;>800${(t.sqlite.prepare('select sscc from boxes where id = ?').get(t.boxOne) as { sscc: string }).sscc}`)
    expect(zpl).toContain(t.serialsOne[0])
    expect(job).toMatchObject({
      status: 'printed',
      error: null,
      attempts: 1,
      format: 'zpl',
      kind: 'box_label',
      orderNumber: 'SO-7001',
      boxNumber: 1,
      createdBy: 'Marek Nowak'
    })
    expect(job.printer).toBe(`127.0.0.1:${printer.port} (ZPL 203 dpi)`)
    expect(notices.map((n) => (n.payload as { status: string }).status)).toEqual(['printing', 'printed'])
  })

  it('nothing listening: the job fails with "offline" and what to do; Retry prints once the printer is back', async () => {
    const t = labelStation()
    const port = await closedPort()
    usePrinter(t, 'shipping_label', { type: 'network', host: '127.0.0.1', port, language: 'zpl', dpi: 300 })
    const failed = await printLabel(context(t), { kind: 'shipping_label', orderId: t.orderId }, quick)
    expect(failed.status).toBe('failed')
    expect(failed.error).toMatch(new RegExp(`printer at 127\\.0\\.0\\.1:${port} is offline.*Retry`))

    const printer = await fakePrinter({}, port)
    const retried = await retryJob(context(t), failed.id, quick)
    expect(retried).toMatchObject({ id: failed.id, status: 'printed', error: null, attempts: 2 })
    expect((await printer.received).toString('utf8')).toContain('JD014600006281230047')
    expect(listJobs(t.db, { orderId: t.orderId })).toHaveLength(1)
  })

  it('the printer reports paper out (~HS): the job is not sent and fails with that reason', async () => {
    const t = labelStation()
    const printer = await fakePrinter({ paperOut: true })
    usePrinter(t, 'box_label', { type: 'network', host: '127.0.0.1', port: printer.port, language: 'zpl', dpi: 203 })
    const job = await printLabel(context(t), { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne }, quick)
    expect(job.status).toBe('failed')
    expect(job.error).toMatch(/out of labels: load labels, then press Retry/)
    expect(printer.jobs).toHaveLength(0)
  })

  it('a printer that does not answer ~HS still gets the job; ~HS answers are read flag by flag', async () => {
    const silent = await fakePrinter('silent')
    await sendRaw({ host: '127.0.0.1', port: silent.port }, '^XA^XZ', quick.raw)
    expect((await silent.received).toString()).toBe('^XA^XZ')
    expect(parseHostStatus('\x02030,1,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,1,0,0,2,4,0,00000000,1,000\x03')).toEqual({
      paperOut: true,
      paused: false,
      headOpen: true,
      ribbonOut: false
    })
    expect(parseHostStatus('garbage')).toBeNull()
  })
})

/**
 * Scripts standing in for CUPS's lp and lpstat: they log their arguments and stdin, and answer like CUPS. Every call
 * of either is also appended to `calls` (one line: the command, then each argument in brackets).
 */
function fakeCups(behaviour: { lp?: 'ok' | 'refuse'; queue?: 'idle' | 'paper_out'; queues?: string[] }) {
  const dir = makeDataDir()
  const log = join(dir, 'log')
  const record = (command: string) => `{ printf '${command}'; printf ' [%s]' "$@"; echo; } >> ${log}.calls`
  const lpAnswer =
    behaviour.lp === 'refuse' ? `echo 'lp: The printer or class does not exist.' >&2\nexit 1` : `echo 'request id is Zebra-17 (0 file(s))'`
  writeFileSync(join(dir, 'lp'), `#!/bin/sh\n${record('lp')}\nprintf '%s\\n' "$@" > ${log}.args\ncat > ${log}.stdin\n${lpAnswer}\n`)
  const queues = (behaviour.queues ?? ['Zebra', 'Office_Laser']).map((q) => `${q}\\n`).join('')
  const status =
    behaviour.queue === 'paper_out'
      ? `echo "printer $q disabled since Sat 21 Nov 2026 -"; echo '\tMedia empty or jammed'`
      : `echo "printer $q is idle.  enabled since Sat 21 Nov 2026"`
  // Like CUPS's lpstat, -p takes the rest of its own argument as the list when attached (-pZebra).
  const lpstat = [
    '#!/bin/sh',
    record('lpstat'),
    'case "$1" in',
    `-e) printf '${queues}';;`,
    "-d) echo 'system default destination: Office_Laser';;",
    `-p*) q="\${1#-p}"; ${status};;`,
    'esac'
  ]
  writeFileSync(join(dir, 'lpstat'), `${lpstat.join('\n')}\n`)
  chmodSync(join(dir, 'lp'), 0o755)
  chmodSync(join(dir, 'lpstat'), 0o755)
  return {
    spooler: { lp: join(dir, 'lp'), lpstat: join(dir, 'lpstat') },
    args: () => readFileSync(`${log}.args`, 'utf8').trim().split('\n'),
    stdin: () => readFileSync(`${log}.stdin`),
    calls: () => (existsSync(`${log}.calls`) ? readFileSync(`${log}.calls`, 'utf8').trim().split('\n') : [])
  }
}

describe('CUPS through lp', () => {
  it('a PDF goes to the queue on stdin, with the arguments as an array (no shell)', async () => {
    const t = labelStation()
    const cups = fakeCups({ lp: 'ok' })
    usePrinter(t, 'packing_slip', { type: 'spooler', queue: 'Office_Laser', language: 'pdf', dpi: 203 })
    const job = await printLabel(context(t), { kind: 'packing_slip', orderId: t.bigOrderId }, { spooler: cups.spooler })
    expect(job.status).toBe('printed')
    expect(cups.args()).toEqual(['-d', 'Office_Laser', '-t', 'Packing slip · SO-7002', '--'])
    expect(cups.calls()).toEqual(['lpstat [-pOffice_Laser]', 'lp [-d] [Office_Laser] [-t] [Packing slip · SO-7002] [--]'])
    expect(cups.stdin().subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('ZPL goes raw; a refused job and a stopped queue fail with CUPS’s reason', async () => {
    const t = labelStation()
    const ok = fakeCups({ lp: 'ok' })
    usePrinter(t, 'box_label', { type: 'spooler', queue: 'Zebra', language: 'zpl', dpi: 300 })
    await printLabel(context(t), { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne }, { spooler: ok.spooler })
    expect(ok.args()).toEqual(expect.arrayContaining(['-o', 'raw']))
    expect(ok.stdin().toString()).toMatch(/^\^XA/)

    const refused = await printLabel(
      context(t),
      { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne },
      { spooler: fakeCups({ lp: 'refuse' }).spooler }
    )
    expect(refused.error).toBe('The print spooler refused the job: The printer or class does not exist.')
    const stopped = await printLabel(
      context(t),
      { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne },
      { spooler: fakeCups({ queue: 'paper_out' }).spooler }
    )
    expect(stopped.error).toMatch(/Printer Zebra is stopped: Media empty or jammed/)
    const missing = await printLabel(
      context(t),
      { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne },
      { spooler: { lp: '/nonexistent/lp', lpstat: '/nonexistent/lpstat' } }
    )
    expect(missing.error).toMatch(/is not installed/)
    expect(listJobs(t.db, {}).map((j) => j.status)).toEqual(['failed', 'failed', 'failed', 'printed'])
  })

  it('discovery lists the CUPS queues with the default, and reports a missing CUPS as a problem', async () => {
    const found = await discoverPrinters(fakeCups({}).spooler)
    expect(found.printers.map((p) => [p.label, p.isDefault])).toEqual([
      ['Zebra (CUPS)', false],
      ['Office_Laser (CUPS)', true]
    ])
    const none = await discoverPrinters({ lpstat: '/nonexistent/lpstat' })
    expect(none.printers).toEqual([])
    expect(none.problems[0]).toMatch(/not installed/)
  })
})

describe('refusals and auto-print', () => {
  it('no printer chosen, or no tracking number yet: refused, nothing logged', async () => {
    const t = labelStation()
    const before = snapshot(t.sqlite)
    const none = await printLabel(context(t), { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne }).catch((e) => e)
    expect(none.message).toMatch(/No printer is chosen for box labels/)
    usePrinter(t, 'shipping_label', { type: 'network', host: '127.0.0.1', port: 9100, language: 'zpl', dpi: 203 })
    const noTracking = await printLabel(context(t), { kind: 'shipping_label', orderId: t.bigOrderId }).catch((e) => e)
    expect(noTracking.code).toBe('no_tracking_number')
    expect(snapshot(t.sqlite).print_jobs).toEqual(before.print_jobs)
    expect(none.code).toBe('no_printer')
  })

  it('auto-print follows the setting and never throws into the caller', async () => {
    const t = labelStation()
    const printer = await fakePrinter()
    usePrinter(t, 'box_label', { type: 'network', host: '127.0.0.1', port: printer.port, language: 'zpl', dpi: 203 })
    await autoPrintBoxLabel(context(t), t.boxOne, quick)
    expect(listJobs(t.db, {})).toHaveLength(0)

    savePrintSettings(t.db, { ...getPrintSettings(t.db), autoPrint: { boxLabel: true, shippingLabel: true } })
    await autoPrintBoxLabel(context(t), t.boxOne, quick)
    expect(listJobs(t.db, {}).map((j) => j.status)).toEqual(['printed'])
    // No shipping printer chosen: nothing thrown, nothing logged.
    await expect(autoPrintShippingLabel(context(t), t.orderId, quick)).resolves.toBeUndefined()
    expect(listJobs(t.db, {})).toHaveLength(1)
  })
})

/** Dana (shift lead, createOperators) signs in and approves, as the Print settings screen asks her to. */
const LEAD = { badgeCode: 'OP-9001', pin: '1234' }
const call = (t: LabelStation, channel: string, args: unknown = {}): Promise<Envelope<unknown>> =>
  dispatch(t.handlers, channel, args, () => undefined)
async function leadSignedIn(t: LabelStation) {
  expect(await call(t, 'operators:signIn', LEAD)).toMatchObject({ ok: true, value: { role: 'shift_lead' } })
}
const boxLabel = (t: LabelStation) => ({ kind: 'box_label' as const, orderId: t.orderId, boxId: t.boxOne })
const withBoxPrinter = (settings: PrintSettings, queue: string) => ({
  ...settings,
  printers: { ...settings.printers, box_label: { type: 'spooler', queue, language: 'zpl', dpi: 203 } },
  approval: LEAD
})

/** What an attacker put in the settings: as a separate argument after `lpstat -p`, lpstat read it as -h (its server). */
const ATTACK = '-hattacker.example:631'
const QUEUE_RULE = "A printer queue name cannot start with '-' or contain spaces, '/', '\\', '#', '?', quotes or control characters"
/** Names CUPS accepts: lpadmin refuses only control characters, space, slash, backslash, # ? ' " and more than 127 bytes. */
const ORDINARY = ['Zebra_ZD421', 'office-laser', 'HP.LaserJet@host', 'Étiquettes-2.0', 'Label+Printer=1:A', 'Q'.repeat(127)]

describe('printer queue names never reach lp/lpstat as options', () => {
  it('the schema follows CUPS’s rules and refuses a leading "-"', () => {
    const controls = ['Zebra\u0000', `Zebra\u0000${ATTACK}`, 'Zebra\u0007', 'Zebra\u001b[2J', 'Zebra\u007f', 'Zebra\u0085']
    const refused = ['', '-', ATTACK, '-Zebra', ...controls, 'Office Laser', 'Office\tLaser', 'a/b', 'Zebra/copy2', 'a#b', 'a\\b']
    refused.push('a?b', "a'b", 'a"b', 'Q'.repeat(128), 'é'.repeat(64))
    for (const name of refused) expect(queueName.safeParse(name).success, JSON.stringify(name)).toBe(false)
    expect(queueName.safeParse(ATTACK).error?.issues[0]?.message).toBe(QUEUE_RULE)
    expect(queueName.safeParse('Zebra\u0000').error?.issues[0]?.message).toBe(QUEUE_RULE)
    for (const name of ORDINARY) expect(queueName.parse(name)).toBe(name)
    expect(queueName.parse('  Zebra_ZD421 ')).toBe('Zebra_ZD421')
  })

  it('printing:saveSettings refuses "-hattacker.example:631" and a NUL byte, changes nothing, and lp/lpstat are never run', async () => {
    const t = labelStation()
    await leadSignedIn(t)
    const cups = fakeCups({ lp: 'ok' })
    const settings = getPrintSettings(t.db)
    const before = snapshot(t.sqlite)
    for (const queue of [ATTACK, `Zebra\u0000${ATTACK}`, 'Zebra\u0000']) {
      const answer = await call(t, 'printing:saveSettings', withBoxPrinter(settings, queue))
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_arguments' } })
      expect((answer as { error: { message: string } }).error.message).toContain(QUEUE_RULE)
    }
    expect(snapshot(t.sqlite)).toEqual(before)
    const none = await printLabel(context(t), boxLabel(t), { spooler: cups.spooler }).catch((e) => e)
    expect(none.code).toBe('no_printer')
    expect(cups.calls()).toEqual([])
  })

  it('checkQueue and spoolJob called directly refuse the same names before running anything', async () => {
    const cups = fakeCups({ lp: 'ok' })
    const job = Buffer.from('^XA^XZ')
    await expect(spoolJob(ATTACK, job, { raw: true, title: 'Box label' }, cups.spooler)).rejects.toThrow(
      `${QUEUE_RULE}: "-hattacker.example:631" was not sent to the print spooler. Choose the printer again in Print settings.`
    )
    for (const queue of [ATTACK, `Zebra\u0000${ATTACK}`, '-', ' Zebra', 'Office Laser', 'Zebra/copy2', 'Q'.repeat(128)]) {
      const refusal = { name: 'PrintError', code: 'bad_queue_name' }
      const spooled = spoolJob(queue, job, { raw: true, title: 'Box label' }, cups.spooler)
      await expect(spooled, JSON.stringify(queue)).rejects.toMatchObject(refusal)
      await expect(checkQueue(queue, cups.spooler), JSON.stringify(queue)).rejects.toMatchObject(refusal)
    }
    await expect(checkQueue('Zebra\u0000', cups.spooler)).rejects.toThrow(`${QUEUE_RULE}: "Zebra\\u0000" was not sent`)
    expect(cups.calls()).toEqual([])
  })

  it('a bad queue stored before this rule is not used: the printers setting no longer parses, so no printer is chosen', async () => {
    const t = labelStation()
    const cups = fakeCups({ lp: 'ok' })
    const stored = { box_label: { type: 'spooler', queue: ATTACK, language: 'zpl', dpi: 203 }, shipping_label: null, packing_slip: null }
    t.sqlite
      .prepare("insert into settings (key, value) values ('printing.printers', ?) on conflict (key) do update set value = excluded.value")
      .run(JSON.stringify(stored))
    const job = await printLabel(context(t), boxLabel(t), { spooler: cups.spooler }).catch((e) => e)
    expect(job.code).toBe('no_printer')
    expect(cups.calls()).toEqual([])
  })

  it('discovery does not offer a CUPS queue whose name lp/lpstat could read as options, and says why', async () => {
    const cups = fakeCups({ queues: ['Zebra_ZD421', ATTACK, 'Office_Laser'] })
    const found = await discoverPrinters(cups.spooler)
    expect(found.printers.map((p) => p.label)).toEqual(['Zebra_ZD421 (CUPS)', 'Office_Laser (CUPS)'])
    expect(found.problems).toEqual([`The CUPS queue "-hattacker.example:631" is not offered: ${QUEUE_RULE}. Rename it in CUPS to use it.`])
    expect(cups.calls()).toEqual(['lpstat [-e]', 'lpstat [-d]'])
  })

  const named = ORDINARY.map((queue) => [queue.length > 40 ? `${queue.slice(0, 8)}… (${queue.length} characters)` : queue, queue])
  it.each(named)('an ordinary name (%s) saves through dispatch and prints: lpstat -p<name>, lp -d <name> … --', async (_, queue) => {
    const t = labelStation()
    await leadSignedIn(t)
    const cups = fakeCups({ lp: 'ok' })
    const saved = await call(t, 'printing:saveSettings', withBoxPrinter(getPrintSettings(t.db), queue))
    expect(saved).toMatchObject({ ok: true, value: { printers: { box_label: { type: 'spooler', queue } } } })
    expect(await call(t, 'printing:settings')).toMatchObject({ ok: true, value: { printers: { box_label: { queue } } } })
    const job = await printLabel(context(t), boxLabel(t), { spooler: cups.spooler })
    expect(job.status).toBe('printed')
    expect(cups.calls()[0]).toBe(`lpstat [-p${queue}]`)
    expect(cups.args()).toEqual(['-d', queue, '-t', expect.stringMatching(/^Box label · SO-7001/), '-o', 'raw', '--'])
  })
})

describe('print settings without a GS1 prefix', () => {
  it('gs1: null saves through dispatch and reads back as null; a box label is refused for want of an SSCC, nothing changed', async () => {
    const t = labelStation()
    await leadSignedIn(t)
    const current = (await call(t, 'printing:settings')) as { ok: true; value: PrintSettings }
    expect(current.value.gs1).toEqual({ companyPrefix: '0614141', extensionDigit: 1 })

    const cleared = { ...current.value, gs1: null }
    expect(await call(t, 'printing:saveSettings', { ...cleared, approval: LEAD })).toEqual({ ok: true, value: cleared })
    expect(await call(t, 'printing:settings')).toEqual({ ok: true, value: cleared })
    expect(getPrintSettings(t.db).gs1).toBeNull()
    // Saved again while already empty, and a prefix can be set again afterwards.
    expect(await call(t, 'printing:saveSettings', { ...cleared, approval: LEAD })).toEqual({ ok: true, value: cleared })
    const gs1 = { companyPrefix: '4012345', extensionDigit: 3 }
    expect(await call(t, 'printing:saveSettings', { ...cleared, gs1, approval: LEAD })).toMatchObject({ ok: true, value: { gs1 } })
    expect(await call(t, 'printing:saveSettings', { ...cleared, approval: LEAD })).toEqual({ ok: true, value: cleared })

    const before = snapshot(t.sqlite)
    expect(await call(t, 'labels:preview', { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne })).toEqual({
      ok: false,
      error: {
        code: 'gs1_not_set',
        message: 'The GS1 company prefix is not set: a shift lead sets it in Print settings, then print the box label again.',
        key: 'refusals:labels.gs1NotSet'
      }
    })
    expect(snapshot(t.sqlite)).toEqual(before)
    expect(t.sqlite.prepare('select sscc from boxes where id = ?').get(t.boxOne)).toEqual({ sscc: null })
    // Labels without an SSCC still render.
    const slip = await call(t, 'labels:preview', { kind: 'packing_slip', orderId: t.orderId })
    expect(slip).toMatchObject({ ok: true, value: { sscc: null, title: 'Packing slip · SO-7001' } })
  })
})
