// Automatic printing (settings: printing.autoPrint): the box label when a box
// is confirmed, the shipping label when the order ships. Never throws into
// the workflow that called it: a failure to print is a failed job in the log
// (or, when nothing could even be sent, a line in the station's log).
import { eq } from 'drizzle-orm'
import type { StationContext } from '../core/context'
import { boxes } from '../core/db/schema'
import { refuse } from '../core/errors'
import { getPrintSettings } from '../core/labels/printSettings'
import { log } from '../core/log/logger'
import { printLabel, type PrintOptions } from './printLabel'

type Context = Pick<StationContext, 'db' | 'clock' | 'signedIn' | 'notify'>

export async function autoPrintBoxLabel(context: Context, boxId: string, options: PrintOptions = {}): Promise<void> {
  try {
    if (!getPrintSettings(context.db).autoPrint.boxLabel) return
    const box =
      context.db.select({ orderId: boxes.orderId }).from(boxes).where(eq(boxes.id, boxId)).get() ??
      refuse('not_found', { key: 'refusals:printing.noSuchBox', params: { boxId } })
    await printLabel(context, { kind: 'box_label', orderId: box.orderId, boxId }, options)
  } catch (error) {
    log.error({ event: 'print_failure', boxId, err: error }, `Auto-print of the box label (box ${boxId}) did not start`)
  }
}

export async function autoPrintShippingLabel(context: Context, orderId: number, options: PrintOptions = {}): Promise<void> {
  try {
    if (!getPrintSettings(context.db).autoPrint.shippingLabel) return
    await printLabel(context, { kind: 'shipping_label', orderId }, options)
  } catch (error) {
    log.error({ event: 'print_failure', orderId, err: error }, `Auto-print of the shipping label (order ${orderId}) did not start`)
  }
}
