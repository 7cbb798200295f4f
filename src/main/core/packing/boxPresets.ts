// Box presets (SPEC §4): name, length × width × height, max weight. Managed in
// settings by a shift lead; chosen when a Distribution Scan box is confirmed.
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { boxes, boxPresets } from '../db/schema'
import { refuse } from '../errors'

export type BoxPreset = typeof boxPresets.$inferSelect
export type BoxPresetInput = Omit<BoxPreset, 'id'>

export function listBoxPresets(db: Db): BoxPreset[] {
  return db.select().from(boxPresets).orderBy(asc(boxPresets.lengthMm), asc(boxPresets.name)).all()
}

export function saveBoxPreset(db: Db, input: BoxPresetInput & { id?: number }): BoxPreset {
  const clash = db.select().from(boxPresets).where(eq(boxPresets.name, input.name)).get()
  if (clash && clash.id !== input.id) refuse('preset_name_taken', { key: 'refusals:packing.presetNameTaken', params: { name: input.name } })
  const { id, ...values } = input
  if (id === undefined) return db.insert(boxPresets).values(values).returning().get()
  const updated = db.update(boxPresets).set(values).where(eq(boxPresets.id, id)).returning().get()
  return updated ?? refuse('not_found', { key: 'refusals:packing.noPreset', params: { presetId: id } })
}

export function deleteBoxPreset(db: Db, id: number): void {
  const used = db.select({ id: boxes.id }).from(boxes).where(eq(boxes.presetId, id)).limit(1).get()
  if (used) refuse('preset_in_use', { key: 'refusals:packing.presetInUse' })
  db.delete(boxPresets).where(eq(boxPresets.id, id)).run()
}
