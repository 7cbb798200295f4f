// The operators an order file may carry (`{ "operators": [...] }`, as the
// sample file does): taken only by a station that has none yet — its first
// shift lead and team, the same rule as "Load sample data". A station that
// already has operators adds them in Operators, each with a shift lead's
// approval; a file never adds people (or a PIN) behind their back.
import { readFileSync, statSync } from 'node:fs'
import { z } from 'zod'
import { NewOperator } from '../../../shared/operators'
import type { Clock } from '../clock'
import type { Db } from '../db/connection'
import { createOperator, operatorCount } from '../operators/operators'

export type FileOperatorsOutcome = { created: string[]; skipped: 0; why: null } | { created: []; skipped: number; why: string }

const Operators = z.array(NewOperator).max(1000)

/** Creates the file's operators on a station with none (the first a shift lead, adding the rest), in one transaction. */
export function takeFileOperators(db: Db, clock: Clock, operators: unknown): FileOperatorsOutcome {
  const list = Array.isArray(operators) ? operators : []
  if (list.length === 0) return { created: [], skipped: 0, why: null }
  if (operatorCount(db) > 0) {
    return { created: [], skipped: list.length, why: 'this station already has operators: a shift lead adds more in Operators' }
  }
  const parsed = Operators.safeParse(list)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { created: [], skipped: list.length, why: `operator ${issue?.path.join('.')}: ${issue?.message}` }
  }
  const leadFirst = [...parsed.data].sort((a, b) => Number(b.role === 'shift_lead') - Number(a.role === 'shift_lead'))
  if (leadFirst[0]!.role !== 'shift_lead' || !leadFirst[0]!.pin) {
    return { created: [], skipped: list.length, why: 'the file has no shift lead with a PIN to be the station’s first operator' }
  }
  return db.transaction((tx) => {
    const lead = createOperator(tx, clock, leadFirst[0]!, null)
    for (const o of leadFirst.slice(1)) createOperator(tx, clock, o, lead)
    return { created: leadFirst.map((o) => o.name), skipped: 0 as const, why: null }
  })
}

/** JSON files up to this size are read whole for their operators; an order file of millions of orders is not. */
const MAX_OPERATOR_FILE_BYTES = 64 * 1024 * 1024

/**
 * The command line's import (npm run station -- import FILE): takes the file's operators and says what happened,
 * in one sentence; null when the file names no operators.
 */
export function importFileOperators(db: Db, clock: Clock, path: string): string | null {
  if (!path.toLowerCase().endsWith('.json')) return null
  const size = statSync(path).size
  if (size > MAX_OPERATOR_FILE_BYTES) {
    return `Operators: not read (the file is over ${MAX_OPERATOR_FILE_BYTES / 1024 / 1024} MB); a shift lead adds operators in Operators.`
  }
  let operators: unknown
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown
    operators = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as { operators?: unknown }).operators : undefined
  } catch {
    return null // the order import already said what is wrong with the file
  }
  const outcome = takeFileOperators(db, clock, operators)
  if (outcome.created.length > 0) return `Operators: ${outcome.created.length} added (${outcome.created.join(', ')}).`
  if (outcome.skipped > 0) return `Operators: ${outcome.skipped} in the file skipped, because ${outcome.why}.`
  return null
}
