// labels:* and printing:* — preview, print, reprint, the job log, printers and settings.
import type { HandlersOf, StationContext } from '../core/context'
import { getPrintSettings, savePrintSettings } from '../core/labels/printSettings'
import { renderLabelPdf } from '../core/labels/render'
import { discoverPrinters } from './discovery'
import { listJobs } from './jobs'
import { printLabel, retryJob, type PrintOptions } from './printLabel'

export function labelHandlers(context: StationContext, options: PrintOptions = {}): HandlersOf<'labels'> & HandlersOf<'printing'> {
  const { db, clock } = context
  return {
    'labels:preview': async (ref) => {
      context.operator()
      const label = await renderLabelPdf(db, clock, ref, getPrintSettings(db))
      return { pdfBase64: label.pdf.toString('base64'), pageCount: label.pages, title: label.title, sscc: label.sscc }
    },
    'labels:print': (ref) => {
      context.operator()
      return printLabel(context, ref, options)
    },
    'labels:jobs': (query) => listJobs(db, query),
    'labels:retry': ({ jobId }) => {
      context.operator()
      return retryJob(context, jobId, options)
    },
    'printing:printers': () => discoverPrinters(options.spooler),
    'printing:settings': () => getPrintSettings(db),
    // An `approval` channel: the guard checked the shift lead's badge and PIN.
    'printing:saveSettings': ({ approval: _, ...next }) => savePrintSettings(db, next)
  }
}
