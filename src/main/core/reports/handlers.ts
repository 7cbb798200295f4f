// reports:* — the shift lead's live board and shift reports (SPEC §10). The
// role is checked by the guard from the access table (shift lead only).
import type { HandlersOf, StationContext } from '../context'
import { exportShiftReport } from './exportReport'
import { boardFigures, shiftFigures } from './figures'

export function reportHandlers(context: StationContext): HandlersOf<'reports'> {
  const { db, clock } = context
  return {
    'reports:board': () => boardFigures(db, clock),
    'reports:shift': (range) => shiftFigures(db, clock, range),
    'reports:export': (args) => exportShiftReport(context, args)
  }
}
