// health:* — the faults the status bar shows until they clear (see faults.ts).
import type { HandlersOf } from '../context'
import type { Faults } from './faults'

export function healthHandlers(faults: Faults): HandlersOf<'health'> {
  return {
    'health:status': () => ({ faults: faults.list() })
  }
}
