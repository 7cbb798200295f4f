// Labels and printing (SPEC §6): preview, print and reprint a label of an
// order or a box, the print-job log with retry, and the printer settings.
// The screens name *which label of which order/box* to print, never a printer
// or a host: the main process picks the printer from the settings.
import { z } from 'zod'
import { Approval } from './operators'
import { id, none } from './primitives'
import { Words } from './words'

export const LabelKind = z.enum(['box_label', 'shipping_label', 'packing_slip'])
export type LabelKind = z.infer<typeof LabelKind>
export const LABEL_KIND_NAMES: Record<LabelKind, string> = {
  box_label: 'Box label',
  shipping_label: 'Shipping label',
  packing_slip: 'Packing slip'
}

/** Thermal label stock: 4×6 in, 100×150 mm, 4×2 in. */
export const LabelSize = z.enum(['4x6in', '100x150mm', '4x2in'])
export type LabelSize = z.infer<typeof LabelSize>
export const SlipPaper = z.enum(['A4', 'Letter'])
export type SlipPaper = z.infer<typeof SlipPaper>

/** GS1 numbers for the SSCC: extension digit + company prefix + serial reference + check digit = 18 digits. */
export const Gs1Settings = z.strictObject({
  companyPrefix: z.string().regex(/^\d{7,10}$/, 'A GS1 company prefix is 7 to 10 digits'),
  extensionDigit: z.number().int().min(0).max(9),
  /** This station's share of serial references, so two stations with one prefix never collide. */
  firstSerial: z.number().int().min(0).optional(),
  lastSerial: z.number().int().min(0).optional()
})
export type Gs1Settings = z.infer<typeof Gs1Settings>

const hostName = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.-]+$|^\[?[0-9A-Fa-f:]+\]?$/, 'A host name or IP address')
/**
 * A CUPS queue as lpadmin accepts one: up to 127 bytes, no whitespace, control characters (C0, DEL, C1), '/', '\\',
 * '#', '?' or quotes. A leading '-' is refused too (CUPS allows it): lp and lpstat would read such a name as options.
 * '@' stays allowed: CUPS queue names may hold it. Checked again before every lp/lpstat call (spooler.ts).
 */
export const queueName = z
  .string()
  .trim()
  .min(1, 'A printer queue name is 1 to 127 characters')
  .max(127, 'A printer queue name is 1 to 127 characters')
  .regex(
    /^(?!-)[^\s\p{Cc}/\\#?'"]+$/u,
    "A printer queue name cannot start with '-' or contain spaces, '/', '\\', '#', '?', quotes or control characters"
  )
  .refine((name) => new TextEncoder().encode(name).length <= 127, 'A printer queue name is at most 127 bytes (UTF-8) long')
const Dpi = z.union([z.literal(203), z.literal(300)])

/** Where a kind of label goes. */
export const PrinterTarget = z.discriminatedUnion('type', [
  /** A queue of the OS spooler (CUPS on Linux/macOS) through `lp`: PDF, or ZPL to a raw queue. */
  /** `dpi` matters for ZPL only (the thermal printer's resolution). */
  z.strictObject({ type: z.literal('spooler'), queue: queueName, language: z.enum(['pdf', 'zpl']), dpi: Dpi.default(203) }),
  /** A thermal printer on the network: raw ZPL to TCP port 9100. */
  z.strictObject({
    type: z.literal('network'),
    host: hostName,
    port: z.number().int().min(1).max(65535).default(9100),
    language: z.literal('zpl'),
    dpi: Dpi
  }),
  /** A printer Electron knows (Windows, or where lp is missing): PDF printed silently by Electron. */
  z.strictObject({ type: z.literal('electron'), name: z.string().trim().min(1).max(200), language: z.literal('pdf') })
])
export type PrinterTarget = z.infer<typeof PrinterTarget>

export const PrintSettings = z.strictObject({
  labelSize: LabelSize,
  slipPaper: SlipPaper,
  gs1: Gs1Settings.nullable(),
  printers: z.strictObject({
    box_label: PrinterTarget.nullable(),
    shipping_label: PrinterTarget.nullable(),
    packing_slip: PrinterTarget.nullable()
  }),
  autoPrint: z.strictObject({ boxLabel: z.boolean(), shippingLabel: z.boolean() })
})
export type PrintSettings = z.infer<typeof PrintSettings>

export const LabelRef = z
  .object({ kind: LabelKind, orderId: id, boxId: z.string().min(1).max(64).optional() })
  .strict()
  .refine((r) => r.kind !== 'box_label' || r.boxId !== undefined, { message: 'A box label needs the box', path: ['boxId'] })
export type LabelRef = z.infer<typeof LabelRef>

export const LabelPreview = z.object({
  /** The PDF, base64 (the browser host speaks JSON). */
  pdfBase64: z.string(),
  pageCount: z.number().int().positive(),
  title: z.string(),
  /** The SSCC of a box label. */
  sscc: z.string().nullable()
})
export type LabelPreview = z.infer<typeof LabelPreview>

export const PrintJobStatus = z.enum(['queued', 'printing', 'printed', 'failed'])
export const PrintJob = z.object({
  id: z.string(),
  kind: LabelKind,
  format: z.enum(['pdf', 'zpl']),
  orderId: id,
  orderNumber: z.string(),
  boxId: z.string().nullable(),
  boxNumber: z.number().int().nullable(),
  printer: z.string(),
  status: PrintJobStatus,
  error: z.string().nullable(),
  /** `error` as catalogue words (`printing:problem.*`), for each screen to word in its language; none on an older record. */
  errorWords: Words.optional(),
  attempts: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type PrintJob = z.infer<typeof PrintJob>

export const DiscoveredPrinter = z.object({
  /** What the settings store for it. */
  target: PrinterTarget,
  label: z.string(),
  source: z.enum(['cups', 'electron']),
  isDefault: z.boolean()
})
export type DiscoveredPrinter = z.infer<typeof DiscoveredPrinter>

export const labelChannels = {
  'labels:preview': { args: LabelRef, result: LabelPreview },
  'labels:print': { args: LabelRef, result: PrintJob },
  'labels:jobs': {
    args: z.object({ orderId: id.optional(), limit: z.number().int().min(1).max(500).optional() }).strict(),
    result: z.array(PrintJob)
  },
  'labels:retry': { args: z.object({ jobId: z.string().min(1).max(64) }).strict(), result: PrintJob },

  'printing:printers': {
    args: none,
    // `problems` in English, `problemWords` the same as catalogue words (`printing:problem.*`).
    result: z.object({ printers: z.array(DiscoveredPrinter), problems: z.array(z.string()), problemWords: z.array(Words).optional() })
  },
  'printing:settings': { args: none, result: PrintSettings },
  'printing:saveSettings': { args: PrintSettings.extend({ approval: Approval }), result: PrintSettings }
} as const

export const labelNotices = {
  /** A print job was created or changed status: the job log and label buttons refresh. */
  'printing:job': z.object({ jobId: z.string(), orderId: id, status: PrintJobStatus })
} as const
