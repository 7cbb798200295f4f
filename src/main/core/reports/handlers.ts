// reports:* — the shift lead's live board and shift reports (SPEC §10). The
// role is checked by the guard from the access table (shift lead only). The
// figures are read on the reports' thread (./reportReader.ts).
import type { HandlersOf, StationContext } from '../context'
import { exportShiftReport } from './exportReport'
import { reportReader } from './reportReader'

export function reportHandlers(context: StationContext): HandlersOf<'reports'> {
  const reader = reportReader(context)
  context.onClose(() => void reader.close())
  return {
    'reports:board': () => reader.board(),
    'reports:shift': (range) => reader.shift(range),
    'reports:export': (args) => exportShiftReport(context, args, reader.shift)
  }
}
