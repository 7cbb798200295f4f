// Print, reprint and retry a label: the printer comes from the settings (the
// screens only say which label of which order/box), the label is rendered
// in the printer's language, sent, and the outcome lands in the job log.
// Refusals that change nothing (no printer chosen, box not confirmed, no
// tracking number yet) are thrown; a printer failure is a failed job.
import { type LabelRef, type PrintJob, type PrinterTarget } from '../../shared/labels'
import type { Words } from '../../shared/words'
import type { StationContext } from '../core/context'
import { english, refuse } from '../core/errors'
import { shippingLabelData } from '../core/labels/labelData'
import { getPrintSettings } from '../core/labels/printSettings'
import { renderLabelPdf, renderLabelZpl, type RenderedLabel } from '../core/labels/render'
import { log } from '../core/log/logger'
import { createJob, getJob, updateJob } from './jobs'
import { platformPrinting } from './platform'
import { sendRaw, type RawOptions } from './rawTcp'
import { PrintError, spoolJob, type SpoolerOptions } from './spooler'

export type PrintOptions = { spooler?: SpoolerOptions; raw?: RawOptions }
type Context = Pick<StationContext, 'db' | 'clock' | 'signedIn' | 'notify'>

export function describeTarget(target: PrinterTarget): string {
  switch (target.type) {
    case 'spooler':
      return target.language === 'zpl' ? `${target.queue} (CUPS, raw ZPL ${target.dpi} dpi)` : `${target.queue} (CUPS, PDF)`
    case 'network':
      return `${target.host}:${target.port} (ZPL ${target.dpi} dpi)`
    case 'electron':
      return `${target.name} (system printer, PDF)`
  }
}

/** The refusal when no printer is chosen for a kind of label, by kind. */
const NO_PRINTER: Record<LabelRef['kind'], string> = {
  box_label: 'refusals:printing.noPrinter.box_label',
  shipping_label: 'refusals:printing.noPrinter.shipping_label',
  packing_slip: 'refusals:printing.noPrinter.packing_slip'
}

function targetFor(context: Context, ref: LabelRef): PrinterTarget {
  const settings = getPrintSettings(context.db)
  const target = settings.printers[ref.kind]
  if (!target) return refuse('no_printer', { key: NO_PRINTER[ref.kind] })
  if (ref.kind === 'packing_slip' && target.language === 'zpl') {
    return refuse('zpl_packing_slip', { key: 'refusals:printing.zplPackingSlip' })
  }
  if (ref.kind === 'shipping_label' && !shippingLabelData(context.db, ref.orderId).trackingNumber) {
    return refuse('no_tracking_number', { key: 'refusals:printing.noTrackingNumber' })
  }
  return target
}

async function render(context: Context, ref: LabelRef, target: PrinterTarget): Promise<RenderedLabel> {
  const settings = getPrintSettings(context.db)
  const dpi = target.type === 'electron' ? 203 : target.dpi
  return target.language === 'zpl'
    ? renderLabelZpl(context.db, ref, settings, dpi)
    : renderLabelPdf(context.db, context.clock, ref, settings)
}

async function send(target: PrinterTarget, label: RenderedLabel, options: PrintOptions): Promise<void> {
  const bytes = label.format === 'pdf' ? label.pdf : Buffer.from(label.zpl, 'utf8')
  if (target.type === 'spooler') {
    await spoolJob(target.queue, bytes, { raw: label.format === 'zpl', title: label.title }, options.spooler)
  } else if (target.type === 'network') {
    await sendRaw({ host: target.host, port: target.port }, bytes, options.raw)
  } else {
    const platform = platformPrinting()
    if (!platform) throw new PrintError('not_installed', { key: 'printing:problem.desktopOnly', params: { printer: target.name } })
    if (label.format !== 'pdf') throw new PrintError('failed', { key: 'printing:problem.pdfOnly' })
    await platform.printPdf(target.name, label.pdf, label.title)
  }
}

async function attempt(
  context: Context,
  jobId: string,
  target: PrinterTarget,
  label: RenderedLabel,
  orderId: number,
  options: PrintOptions
): Promise<PrintJob> {
  try {
    await send(target, label, options)
    updateJob(context.db, context.clock, jobId, { status: 'printed' })
  } catch (error) {
    const words: Words | undefined =
      error instanceof PrintError ? error.words : { key: 'printing:problem.failed', params: { error: (error as Error).message } }
    const message = error instanceof PrintError ? error.message : english(words!)
    updateJob(context.db, context.clock, jobId, { status: 'failed', error: message, errorWords: words })
    log.warn(
      { event: 'print_failure', jobId, orderId, title: label.title, printer: describeTarget(target), reason: message },
      'A print job failed'
    )
  }
  const job = getJob(context.db, jobId)
  context.notify('printing:job', { jobId, orderId, status: job.status })
  return job
}

/** Prints (or reprints) one label on the printer chosen for its kind. */
export async function printLabel(context: Context, ref: LabelRef, options: PrintOptions = {}): Promise<PrintJob> {
  const target = targetFor(context, ref)
  const label = await render(context, ref, target)
  const jobId = createJob(context.db, context.clock, {
    kind: ref.kind,
    format: label.format,
    orderId: ref.orderId,
    boxId: ref.boxId ?? null,
    printer: describeTarget(target),
    createdBy: context.signedIn()?.id ?? null
  })
  context.notify('printing:job', { jobId, orderId: ref.orderId, status: 'printing' })
  return attempt(context, jobId, target, label, ref.orderId, options)
}

/** Sends a logged job again, to the printer now chosen for its kind (it may have been changed to fix the failure). */
export async function retryJob(context: Context, jobId: string, options: PrintOptions = {}): Promise<PrintJob> {
  const job = getJob(context.db, jobId)
  if (job.status === 'printing') return refuse('job_busy', { key: 'refusals:printing.jobBusy' })
  const ref: LabelRef = { kind: job.kind, orderId: job.orderId, ...(job.boxId ? { boxId: job.boxId } : {}) }
  const target = targetFor(context, ref)
  const label = await render(context, ref, target)
  updateJob(context.db, context.clock, jobId, {
    status: 'printing',
    printer: describeTarget(target),
    format: label.format,
    newAttempt: true
  })
  context.notify('printing:job', { jobId, orderId: job.orderId, status: 'printing' })
  return attempt(context, jobId, target, label, job.orderId, options)
}
