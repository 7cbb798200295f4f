// The shift lead's view (SPEC §10): the live shift board, and shift reports
// for any time range and operator with CSV and PDF export. Every figure is
// computed in the core (core/reports/); the screens only draw them.
import { z } from 'zod'
import { id, none } from './primitives'
import { Words } from './words'

/** The classes of refused scans a shift lead counts; the screens word them (a code, never a sentence). */
export const RefusalClass = z.enum(['invalid_serial', 'duplicate', 'wrong_item', 'over_scan', 'order_not_open', 'hand_entry'])
export type RefusalClass = z.infer<typeof RefusalClass>

const iso = z.iso.datetime({ offset: false })

/** The longest range a report covers: a year and a day (a leap year's shift across New Year). */
export const MAX_REPORT_DAYS = 367

export const ShiftRange = z
  .strictObject({
    /** The range's start and end (end excluded), UTC instants. */
    from: iso,
    to: iso,
    /** One operator's figures only; omitted: the whole station. */
    operatorId: id.optional()
  })
  .refine((r) => Date.parse(r.from) < Date.parse(r.to), { message: 'The range must end after it starts', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= MAX_REPORT_DAYS * 86_400_000, {
    message: `A report covers at most ${MAX_REPORT_DAYS} days`,
    path: ['to']
  })
export type ShiftRange = z.infer<typeof ShiftRange>

/** Units scanned in one bucket of the range (an hour, or a day for ranges over two days), and the same bucket a day earlier. */
export const UnitBucket = z.object({ start: z.string(), units: z.number().int(), previous: z.number().int().nullable() })

export const OperatorPace = z.object({
  operatorId: id,
  name: z.string(),
  units: z.number().int(),
  /** Units over the hours from their first to their last scan in the range (breaks included); null under 2 units. */
  unitsPerHour: z.number().nullable(),
  /** The mean time between two of their scans while scanning (a pause over 5 minutes is a break, left out); null under 2 units. */
  secondsPerUnit: z.number().nullable()
})
export type OperatorPace = z.infer<typeof OperatorPace>

export const RefusalEntry = z.object({
  at: z.string(),
  orderNumber: z.string().nullable(),
  operatorName: z.string(),
  input: z.string(),
  /** The sentence the operator saw, in English. */
  message: z.string(),
  /** The same as catalogue words, for the reader's language; absent for refusals recorded before they were kept. */
  words: Words.optional()
})
export const RefusalFigures = z.object({ class: RefusalClass, count: z.number().int(), last: z.array(RefusalEntry) })
export type RefusalFigures = z.infer<typeof RefusalFigures>

export const PrintFailure = z.object({
  at: z.string(),
  kind: z.string(),
  orderNumber: z.string(),
  printer: z.string(),
  error: z.string().nullable()
})

export const ShiftFigures = z.object({
  from: z.string(),
  to: z.string(),
  generatedAt: z.string(),
  operator: z.object({ id, name: z.string() }).nullable(),
  /** `hour` when the range is two days or shorter, else `day`; `previous` is the same bucket a day earlier (hours only). */
  bucket: z.enum(['hour', 'day']),
  orders: z.object({
    /** Packing confirmed / shipped in the range (by the operator, when one is chosen). */
    packed: z.number().int(),
    shipped: z.number().int(),
    /** The station now: orders in progress, on hold, waiting (ready). */
    inProgress: z.number().int(),
    onHold: z.number().int(),
    waiting: z.number().int()
  }),
  units: z.object({ total: z.number().int(), buckets: z.array(UnitBucket) }),
  operators: z.array(OperatorPace),
  refusals: z.array(RefusalFigures),
  boxesConfirmed: z.number().int(),
  printFailures: z.object({ count: z.number().int(), last: z.array(PrintFailure) }),
  /** The station now: events waiting for the OMS, and the ones it rejected. */
  outbox: z.object({ waiting: z.number().int(), rejected: z.number().int() }),
  /** The station now: cancelled orders with units still in boxes (to unpack). */
  blocked: z.array(z.object({ orderId: id, orderNumber: z.string(), units: z.number().int() }))
})
export type ShiftFigures = z.infer<typeof ShiftFigures>

export const ExportShiftReport = z.strictObject({
  range: ShiftRange,
  format: z.enum(['csv', 'pdf']),
  /** A full path the shift lead names; omitted: the data folder's reports/. */
  folder: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(1000).optional())
})
export const ShiftReportFile = z.object({ path: z.string(), bytes: z.number().int() })
export type ShiftReportFile = z.infer<typeof ShiftReportFile>

export const reportChannels = {
  /** Today on this station, hour by hour against yesterday. */
  'reports:board': { args: none, result: ShiftFigures },
  'reports:shift': { args: ShiftRange, result: ShiftFigures },
  'reports:export': { args: ExportShiftReport, result: ShiftReportFile }
} as const
