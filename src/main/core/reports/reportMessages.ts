// What the reports' thread (./reportWorker.ts) and the station's thread
// (./reportReader.ts) say to each other: an ask carries the station's time,
// so a report on the other thread reads the same clock (a test's fake one too).
import type { ShiftFigures, ShiftRange } from '../../../shared/reports'
import type { Words } from '../../../shared/words'

export type ReportAsk = { id: number; now: string } & ({ kind: 'board' } | { kind: 'shift'; range: ShiftRange })

export type ReportAnswer = { id: number } & ({ figures: ShiftFigures } | { error: { code: string | null; message: string; words?: Words } })
