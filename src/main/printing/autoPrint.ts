// Automatic printing (settings: printing.autoPrint): the box label when a box
// is confirmed, the shipping label when the order ships. Never throws into
// the workflow that called it: a failure to print is a failed job in the log
// (or, when nothing could even be sent, a line on the console).
import type { StationContext } from '../core/context'
import { getPrintSettings } from '../core/labels/printSettings'
import { printLabel, type PrintOptions } from './printLabel'

type Context = Pick<StationContext, 'db' | 'clock' | 'signedIn' | 'notify'>

export async function autoPrintBoxLabel(context: Context, orderId: number, boxId: string, options: PrintOptions = {}): Promise<void> {
  try {
    if (!getPrintSettings(context.db).autoPrint.boxLabel) return
    await printLabel(context, { kind: 'box_label', orderId, boxId }, options)
  } catch (error) {
    console.error(`Auto-print of the box label (order ${orderId}, box ${boxId}) did not start: ${(error as Error).message}`)
  }
}

export async function autoPrintShippingLabel(context: Context, orderId: number, options: PrintOptions = {}): Promise<void> {
  try {
    if (!getPrintSettings(context.db).autoPrint.shippingLabel) return
    await printLabel(context, { kind: 'shipping_label', orderId }, options)
  } catch (error) {
    console.error(`Auto-print of the shipping label (order ${orderId}) did not start: ${(error as Error).message}`)
  }
}
