// Printing to real targets on loopback: a TCP listener standing in for a
// thermal printer's port 9100 receives the job; nothing listening is a clear
// "offline" failure in the job log, and Retry prints once it is back. The
// CUPS path runs real executables through execFile (scripts standing in for
// lp/lpstat, which this machine does not have) to check the arguments, the
// bytes on stdin and the refusals.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { NoticeName } from '../../src/shared/contract'
import type { PrinterTarget } from '../../src/shared/channels/labels'
import { getPrintSettings, savePrintSettings } from '../../src/main/core/labels/printSettings'
import { autoPrintBoxLabel, autoPrintShippingLabel } from '../../src/main/printing/autoPrint'
import { listJobs } from '../../src/main/printing/jobs'
import { printLabel, retryJob } from '../../src/main/printing/printLabel'
import { parseHostStatus, sendRaw } from '../../src/main/printing/rawTcp'
import { discoverPrinters } from '../../src/main/printing/discovery'
import { cleanup, makeDataDir, snapshot } from '../core/helpers'
import { labelStation, type LabelStation } from '../labels/fixtures'

const servers: Server[] = []
afterEach(async () => {
  cleanup()
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
})

type Printer = { port: number; jobs: Buffer[]; received: Promise<Buffer> }

/** A thermal printer on 127.0.0.1: answers ~HS with the given flags, collects every job. */
async function fakePrinter(status: { paperOut?: boolean; paused?: boolean; headOpen?: boolean } | 'silent' = {}, port = 0): Promise<Printer> {
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
    expect(job).toMatchObject({ status: 'printed', error: null, attempts: 1, format: 'zpl', kind: 'box_label', orderNumber: 'SO-7001', boxNumber: 1, createdBy: 'Marek Nowak' })
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
    expect(parseHostStatus('\x02030,1,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,1,0,0,2,4,0,00000000,1,000\x03')).toEqual({ paperOut: true, paused: false, headOpen: true, ribbonOut: false })
    expect(parseHostStatus('garbage')).toBeNull()
  })
})

/** Scripts standing in for CUPS's lp and lpstat: they log their arguments and stdin, and answer like CUPS. */
function fakeCups(behaviour: { lp?: 'ok' | 'refuse'; queue?: 'idle' | 'paper_out' }) {
  const dir = makeDataDir()
  const log = join(dir, 'log')
  writeFileSync(
    join(dir, 'lp'),
    `#!/bin/sh\nprintf '%s\\n' "$@" > ${log}.args\ncat > ${log}.stdin\n${behaviour.lp === 'refuse' ? `echo 'lp: The printer or class does not exist.' >&2\nexit 1` : `echo 'request id is Zebra-17 (0 file(s))'`}\n`
  )
  writeFileSync(
    join(dir, 'lpstat'),
    `#!/bin/sh\ncase "$1" in\n-e) printf 'Zebra\\nOffice_Laser\\n';;\n-d) echo 'system default destination: Office_Laser';;\n-p) ${
      behaviour.queue === 'paper_out' ? `echo "printer $2 disabled since Sat 21 Nov 2026 -"; echo '\tMedia empty or jammed'` : `echo "printer $2 is idle.  enabled since Sat 21 Nov 2026"`
    };;\nesac\n`
  )
  chmodSync(join(dir, 'lp'), 0o755)
  chmodSync(join(dir, 'lpstat'), 0o755)
  return { spooler: { lp: join(dir, 'lp'), lpstat: join(dir, 'lpstat') }, args: () => readFileSync(`${log}.args`, 'utf8').trim().split('\n'), stdin: () => readFileSync(`${log}.stdin`) }
}

describe('CUPS through lp', () => {
  it('a PDF goes to the queue on stdin, with the arguments as an array (no shell)', async () => {
    const t = labelStation()
    const cups = fakeCups({ lp: 'ok' })
    usePrinter(t, 'packing_slip', { type: 'spooler', queue: 'Office_Laser', language: 'pdf', dpi: 203 })
    const job = await printLabel(context(t), { kind: 'packing_slip', orderId: t.bigOrderId }, { spooler: cups.spooler })
    expect(job.status).toBe('printed')
    expect(cups.args()).toEqual(['-d', 'Office_Laser', '-t', 'Packing slip · SO-7002', '--'])
    expect(cups.stdin().subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('ZPL goes raw; a refused job and a stopped queue fail with CUPS’s reason', async () => {
    const t = labelStation()
    const ok = fakeCups({ lp: 'ok' })
    usePrinter(t, 'box_label', { type: 'spooler', queue: 'Zebra', language: 'zpl', dpi: 300 })
    await printLabel(context(t), { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne }, { spooler: ok.spooler })
    expect(ok.args()).toEqual(expect.arrayContaining(['-o', 'raw']))
    expect(ok.stdin().toString()).toMatch(/^\^XA/)

    const refused = await printLabel(context(t), { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne }, { spooler: fakeCups({ lp: 'refuse' }).spooler })
    expect(refused.error).toBe('The print spooler refused the job: The printer or class does not exist.')
    const stopped = await printLabel(context(t), { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne }, { spooler: fakeCups({ queue: 'paper_out' }).spooler })
    expect(stopped.error).toMatch(/Printer Zebra is stopped: Media empty or jammed/)
    const missing = await printLabel(context(t), { kind: 'box_label', orderId: t.orderId, boxId: t.boxOne }, { spooler: { lp: '/nonexistent/lp', lpstat: '/nonexistent/lpstat' } })
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
