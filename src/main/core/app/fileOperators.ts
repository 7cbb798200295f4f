// The operators an order file may carry (`{ "operators": [...] }`, as the
// sample file does): taken only by a station that has none yet — its first
// shift lead and team, the same rule as "Load sample data". A station that
// already has operators adds them in Operators, each with a shift lead's
// approval; a file never adds people (or a PIN) behind their back.
import { createReadStream } from 'node:fs'
import { z } from 'zod'
import { NewOperator } from '../../../shared/operators'
import type { Clock } from '../clock'
import type { Db } from '../db/connection'
import { createOperator, operatorCount } from '../operators/operators'
import { jsonElements, NotAList, NotJson } from '../orders/import/jsonElements'

export type FileOperatorsOutcome = { created: string[]; skipped: 0; why: null } | { created: []; skipped: number; why: string }

const MAX_FILE_OPERATORS = 1000
const Operators = z.array(NewOperator).max(MAX_FILE_OPERATORS)

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

/** Said when the file's top level is a list of orders: it carries no operators. */
class NoOperators extends Error {}

/**
 * The file's "operators" list, read as the file streams by (../orders/import/jsonElements.ts): its orders are
 * followed, not kept, so memory stays flat however large the file is. Null when the file has none or is not JSON
 * (the order import already said what is wrong with it).
 */
export async function readFileOperators(path: string): Promise<unknown[] | null> {
  const operators: unknown[] = []
  let found = false
  const reader = jsonElements({
    root: (kind) => {
      if (kind === 'list') throw new NoOperators()
    },
    key: (name) => (name === 'operators' ? ((found = true), 'elements') : 'pass'),
    // One more than the most a file may carry, so that the check says there are too many.
    element: (_key, value) => void (operators.length <= MAX_FILE_OPERATORS && operators.push(value))
  })
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) reader.write(chunk as Uint8Array)
    reader.end()
  } catch (error) {
    if (error instanceof NoOperators || error instanceof NotJson || error instanceof NotAList) return null
    throw error
  }
  return found ? operators : null
}

export async function importFileOperators(db: Db, clock: Clock, path: string): Promise<string | null> {
  if (!path.toLowerCase().endsWith('.json')) return null
  const operators = await readFileOperators(path)
  if (operators === null) return null
  const outcome = takeFileOperators(db, clock, operators)
  if (outcome.created.length > 0) return `Operators: ${outcome.created.length} added (${outcome.created.join(', ')}).`
  if (outcome.skipped > 0) return `Operators: ${outcome.skipped} in the file skipped, because ${outcome.why}.`
  return null
}
