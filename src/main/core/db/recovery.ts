// The recovery screen's channels. On a whole station they say so. On a
// station whose database failed the start-up check (the recovery station,
// src/main/recoveryStation.ts) they name the newest good backup and what
// going back to it would lose, and restore it once a shift lead approves.
// The approval is checked against the backup being restored: the damaged
// database cannot vouch for anyone, and the backup is what the station will
// trust from then on. Wrong PINs lock that badge out for a while, in memory
// (nothing can be written to the damaged file).
import Database from 'better-sqlite3'
import type { Approval } from '../../../shared/operators'
import type { RecoveryState, RestoreResult } from '../../../shared/recovery'
import type { Clock } from '../clock'
import { refuse } from '../errors'
import { LOCK_OUT_MS, MAX_PIN_ATTEMPTS } from '../operators/approval'
import { verifyPin } from '../operators/pin'
import { listBackups } from './backup'
import { eventsAfter, newestGoodBackup, restoreBackup } from './restore'

export type RecoverySetup = { databaseFile: string; backupFolder: string; problem: string; clock: Clock }

export function recoveryState({ databaseFile, backupFolder, problem }: Omit<RecoverySetup, 'clock'>): RecoveryState {
  const good = newestGoodBackup(backupFolder)
  return {
    damaged: true,
    problem,
    databaseFile,
    backupFolder,
    newestGood: good,
    lost: good ? eventsAfter(databaseFile, good.takenAt) : null
  }
}

/** The channels of a whole station: nothing to recover (IT can still restore any backup from the command line). */
export function wholeStationRecovery(databaseFile: string, backupFolder: () => string) {
  return {
    'recovery:state': (): RecoveryState => ({
      damaged: false,
      problem: null,
      databaseFile,
      backupFolder: backupFolder(),
      newestGood: null,
      lost: null
    }),
    'recovery:restore': (): RestoreResult => refuse('not_damaged', { key: 'refusals:backups.notDamaged' })
  }
}

/** The channels of the recovery station; `restored` opens the station again on the restored database. */
export function damagedStationRecovery(setup: RecoverySetup, restored: () => void) {
  const failures = new Map<string, { count: number; lockedUntil: number }>()
  return {
    'recovery:state': () => recoveryState(setup),
    'recovery:restore': ({ file, approval }: { file: string; approval: Approval }): RestoreResult => {
      const backup = listBackups(setup.backupFolder).find((b) => b.file === file)
      if (!backup) refuse('not_found', { key: 'refusals:backups.notABackup', params: { file, folder: setup.backupFolder } })
      approveFromBackup(file, approval, failures, setup.clock)
      const result = restoreBackup(setup.databaseFile, file, setup.clock())
      restored()
      return result
    }
  }
}

type OperatorRow = { name: string; role: string; pin_hash: string | null; active: number }

function approveFromBackup(file: string, approval: Approval, failures: Map<string, { count: number; lockedUntil: number }>, clock: Clock) {
  const now = clock().getTime()
  const seen = failures.get(approval.badgeCode)
  if (seen && seen.lockedUntil > now) {
    refuse('pin_locked', { key: 'refusals:backups.pinLocked', params: { badgeCode: approval.badgeCode } })
  }
  let row: OperatorRow | undefined
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  try {
    row = sqlite.prepare('select name, role, pin_hash, active from operators where badge_code = ?').get(approval.badgeCode) as
      OperatorRow | undefined
  } finally {
    sqlite.close()
  }
  if (!row || !row.active || row.role !== 'shift_lead' || !row.pin_hash) {
    refuse('unknown_operator', { key: 'refusals:backups.notALeadBadge', params: { badgeCode: approval.badgeCode } })
  }
  if (!verifyPin(approval.pin, row!.pin_hash!)) {
    const count = (seen?.count ?? 0) + 1
    failures.set(approval.badgeCode, { count, lockedUntil: count >= MAX_PIN_ATTEMPTS ? now + LOCK_OUT_MS : 0 })
    refuse('wrong_pin', { key: 'refusals:backups.wrongPin', params: { name: row!.name } })
  }
  failures.delete(approval.badgeCode)
}
