// settings:* — the station settings that steer scanning (hand-entry policy,
// feedback volume). Anyone reads them; a signed-in shift lead changes them.
import type { HandlersOf, StationContext } from '../context'
import { requireShiftLead } from '../operators/approval'
import { getSetting, setSetting } from './settings'

export function settingsHandlers({ db, operator }: StationContext): HandlersOf<'settings'> {
  const read = () => ({ handEntryPolicy: getSetting(db, 'handEntryPolicy'), feedbackVolume: getSetting(db, 'feedbackVolume') })
  return {
    'settings:station': read,
    'settings:saveStation': ({ handEntryPolicy, feedbackVolume }) => {
      requireShiftLead(operator(), 'change station settings')
      db.transaction((tx) => {
        setSetting(tx, 'handEntryPolicy', handEntryPolicy)
        setSetting(tx, 'feedbackVolume', feedbackVolume)
      })
      return read()
    }
  }
}
