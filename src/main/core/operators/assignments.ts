// Assign Operator (SPEC §2): a shift lead chooses the operator for picking,
// packing and shipping of one or many orders, in one transaction. Every
// assignment that changes is logged on its order (from → to, who assigned);
// one that stays the same is neither rewritten nor logged.
import { and, eq, inArray } from 'drizzle-orm'
import type { Assign, AssignResult } from '../../../shared/operators'
import type { Assignments, Operator } from '../../../shared/operators'
import { isoNow, type Clock } from '../clock'
import type { Db } from '../db/connection'
import { ASSIGNMENT_ROLES, assignments, operators, orders } from '../db/schema'
import { recordEvent } from '../events/eventLog'
import { english, refuse, type Words } from '../errors'
import { assignmentReason } from '../orders/holdReasons'

const nobody = (): Assignments => ({ picking: null, packing: null, shipping: null })

/** The operators assigned to each of `orderIds` (one query through the assignments' unique index). */
export function assignmentsOf(db: Db, orderIds: number[]): Map<number, Assignments> {
  const byOrder = new Map<number, Assignments>(orderIds.map((id) => [id, nobody()]))
  if (!orderIds.length) return byOrder
  const rows = db
    .select({ orderId: assignments.orderId, role: assignments.role, name: operators.name })
    .from(assignments)
    .innerJoin(operators, eq(operators.id, assignments.operatorId))
    .where(inArray(assignments.orderId, orderIds))
    .all()
  for (const r of rows) byOrder.get(r.orderId)![r.role] = r.name
  return byOrder
}

export function assignOperators(db: Db, clock: Clock, request: Omit<Assign, 'approval'>, by: Operator): AssignResult {
  if (by.role !== 'shift_lead') refuse('shift_lead_only', { key: 'refusals:operators.leadOnlyAssign' })
  const roles = ASSIGNMENT_ROLES.filter((role) => request[role] !== undefined)
  if (!roles.length) refuse('nothing_to_assign', { key: 'refusals:operators.nothingToAssign' })

  const orderIds = [...new Set(request.orderIds)]
  const found = db.select({ id: orders.id, orderNumber: orders.orderNumber }).from(orders).where(inArray(orders.id, orderIds)).all()
  if (found.length !== orderIds.length) {
    const missing = orderIds.filter((id) => !found.some((o) => o.id === id))
    refuse('not_found', { key: 'refusals:operators.ordersMissing', params: { count: missing.length, orderIds: missing.join(', ') } })
  }

  const wanted = [...new Set(roles.map((role) => request[role]).filter((id): id is number => typeof id === 'number'))]
  const people = new Map(
    db
      .select({ id: operators.id, name: operators.name, active: operators.active })
      .from(operators)
      .where(inArray(operators.id, wanted.length ? wanted : [0]))
      .all()
      .map((o) => [o.id, o])
  )
  for (const id of wanted) {
    const person = people.get(id)
    if (!person) refuse('unknown_operator', { key: 'refusals:operators.noOperatorToAssign', params: { operatorId: id } })
    else if (!person.active)
      refuse('inactive_operator', { key: 'refusals:operators.deactivatedNotAssigned', params: { name: person.name } })
  }

  const current = new Map(
    db
      .select({ orderId: assignments.orderId, role: assignments.role, operatorId: assignments.operatorId, name: operators.name })
      .from(assignments)
      .innerJoin(operators, eq(operators.id, assignments.operatorId))
      .where(and(inArray(assignments.orderId, orderIds), inArray(assignments.role, roles)))
      .all()
      .map((c) => [`${c.orderId}:${c.role}`, c])
  )

  const at = isoNow(clock)
  let changed = 0
  db.transaction((tx) => {
    for (const order of found) {
      for (const role of roles) {
        const toId = request[role] ?? null
        const from = current.get(`${order.id}:${role}`) ?? null
        if ((from?.operatorId ?? null) === toId) continue
        const to = toId === null ? null : people.get(toId)!
        if (to) {
          tx.insert(assignments)
            .values({ orderId: order.id, role, operatorId: to.id, assignedBy: by.id, assignedAt: at })
            .onConflictDoUpdate({
              target: [assignments.orderId, assignments.role],
              set: { operatorId: to.id, assignedBy: by.id, assignedAt: at }
            })
            .run()
        } else {
          tx.delete(assignments)
            .where(and(eq(assignments.orderId, order.id), eq(assignments.role, role)))
            .run()
        }
        recordEvent(tx, {
          at,
          type: !from ? 'order.assigned' : to ? 'order.reassigned' : 'order.unassigned',
          operatorId: by.id,
          orderId: order.id,
          entityId: role,
          reason: assignmentReason(role, from?.name ?? null, to?.name ?? null),
          data: { role, from: from && { id: from.operatorId, name: from.name }, to: to && { id: to.id, name: to.name } }
        })
        changed++
      }
    }
  })

  const n = found.length
  const words: Words = !changed
    ? { key: 'answers:operators.unchanged', params: { count: n } }
    : n === 1
      ? { key: 'answers:operators.assignedOneOrder', params: { count: changed } }
      : { key: 'answers:operators.assignedOrders', params: { orders: n, count: changed } }
  return { orders: n, changed, message: english(words), words }
}
