// settings:* — the station settings that steer scanning (hand-entry policy,
// feedback volume, operators' sign-in PIN). Anyone signed in reads them; a
// shift lead's approval changes them (the guard checks it: src/shared/access.ts).
import type { HandlersOf, StationContext } from '../context'
import type { BackupSchedule } from '../db/backupSchedule'
import { backupNowHandlers } from './backupNow'
import { backupSettingsHandlers } from './backupSettings'
import { getSetting, setSetting } from './settings'

export function settingsHandlers({ db }: StationContext, backups: BackupSchedule): HandlersOf<'settings'> {
  const read = () => ({
    handEntryPolicy: getSetting(db, 'handEntryPolicy'),
    feedbackVolume: getSetting(db, 'feedbackVolume'),
    operatorSignInPin: getSetting(db, 'operatorSignInPin'),
    language: getSetting(db, 'language')
  })
  return {
    'settings:station': read,
    'settings:saveStation': ({ handEntryPolicy, feedbackVolume, operatorSignInPin, language }) => {
      db.transaction((tx) => {
        if (language) setSetting(tx, 'language', language)
        setSetting(tx, 'handEntryPolicy', handEntryPolicy)
        setSetting(tx, 'feedbackVolume', feedbackVolume)
        setSetting(tx, 'operatorSignInPin', operatorSignInPin)
      })
      return read()
    },
    ...backupSettingsHandlers(db, backups),
    ...backupNowHandlers(backups, backupSettingsHandlers(db, backups)['settings:backups'])
  }
}
