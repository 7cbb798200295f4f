// What a shift lead does with an order's evidence when a marketplace claim
// comes in (issue 17): export the dispute pack from the order screen, and keep
// the evidence until the dispute is closed (retention never deletes it).
import { eq } from 'drizzle-orm'
import type { DisputeKeep } from '../../../shared/evidence'
import type { Operator } from '../../../shared/operators'
import type { StationContext } from '../context'
import { orders } from '../db/schema'
import { refuse } from '../errors'
import { fileStamp, saveFolder } from '../sync/savedFile'
import { orderFolderName, sessionsOf } from './evidenceFolder'
import { exportDisputePack } from './exportPack'
import { disputeKeepOf, keepForDispute, releaseDisputeKeep } from './retention'
import { join } from 'node:path'

/** Where dispute packs go unless the shift lead names a folder. */
export const DISPUTE_PACKS_FOLDER = 'dispute-packs'

export function orderOf(context: StationContext, orderId: number): { id: number; orderNumber: string } {
  return (
    context.db.select({ id: orders.id, orderNumber: orders.orderNumber }).from(orders).where(eq(orders.id, orderId)).get() ??
    refuse('not_found', { key: 'refusals:orders.notFound', params: { orderId } })
  )
}

export async function exportForDispute(context: StationContext, orderId: number, folder: string | undefined) {
  const order = orderOf(context, orderId)
  const target = await saveFolder(folder, join(context.dataDir, DISPUTE_PACKS_FOLDER), 'No dispute pack was written.')
  const now = context.clock()
  const file = join(target, `${orderFolderName(order.orderNumber)}-dispute-pack-${fileStamp(now.toISOString())}.zip`)
  const pack = await exportDisputePack(context.db, context.dataDir, order, file, now)
  return { path: pack.file, bytes: pack.bytes, recordings: pack.recordings, leftOut: pack.leftOut }
}

export function keepOf(context: StationContext, orderId: number): DisputeKeep | null {
  return disputeKeepOf(context.dataDir, orderOf(context, orderId).orderNumber)
}

export function keep(context: StationContext, orderId: number, reason: string, by: Operator): DisputeKeep {
  const order = orderOf(context, orderId)
  if (sessionsOf(context.dataDir, order.orderNumber).length === 0)
    refuse('no_evidence', { key: 'evidence:refusal.nothingToKeep', params: { orderNumber: order.orderNumber } })
  const kept: DisputeKeep = { orderNumber: order.orderNumber, reason, keptBy: by.name, keptAt: context.clock().toISOString() }
  keepForDispute(context.dataDir, kept)
  return kept
}

export function release(context: StationContext, orderId: number): null {
  const order = orderOf(context, orderId)
  if (!releaseDisputeKeep(context.dataDir, order.orderNumber))
    refuse('not_kept', { key: 'evidence:refusal.notKept', params: { orderNumber: order.orderNumber } })
  return null
}
