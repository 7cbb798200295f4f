// A station for the shipping, returns and history tests, driven through the
// contract (dispatch validates the arguments as the screens' calls are):
// operators, a few orders, and packing an order from scan to `packed`.
import { expect } from 'vitest'
import type { ArgsOf, Channel, ResultOf } from '../../src/shared/contract'
import { StationError } from '../../src/main/core/errors'
import { dispatch } from '../../src/main/core/dispatch'
import { createOperators, imei, importRecords, openTestStation, orderIdOf, orderRecord, TAC_A } from './helpers'

export const LEAD_APPROVAL = { badgeCode: 'OP-9001', pin: '1234' }

export function shippingWorld() {
  const t = openTestStation()
  const { lead, op } = createOperators(t)
  const summary = importRecords(t, [
    orderRecord(1, [{ sku: 'PHONE-A', quantity: 2 }], { carrier: 'DHL', service: 'Parcel' }),
    orderRecord(2, [{ sku: 'PHONE-A', quantity: 1 }], { carrier: 'UPS', service: 'Standard' }),
    orderRecord(3, [{ sku: 'PHONE-A', quantity: 1 }]),
    orderRecord(4, [{ sku: 'PHONE-A', quantity: 1 }], { oms_status: 'cancelled' })
  ])
  expect(summary.failures).toEqual([])

  /** One call through the contract; a refusal is thrown as the StationError the screen would show. */
  async function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
    const envelope = await dispatch(t.handlers, channel, args, () => undefined)
    if (!envelope.ok) throw new StationError(envelope.error.code, envelope.error.message)
    return envelope.value as ResultOf<C>
  }

  async function refusal(promise: Promise<unknown>): Promise<StationError> {
    const error = await promise.then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(StationError)
    return error as StationError
  }

  /** Scans the serials into the order, saves and confirms one box, confirms packing. */
  async function pack(orderId: number, serials: string[]) {
    for (const input of serials) {
      const result = await call('scanning:scan', { orderId, input })
      expect(result.outcome, result.message).toBe('accepted')
      t.time.advance(1000)
    }
    await call('packing:save', { orderId })
    await call('packing:save', { orderId })
    t.time.advance(1000)
    return call('packing:confirm', { orderId })
  }

  async function ship(orderId: number, trackingNumber = '00340434161234567890', trackingUrl: string | null = null) {
    const order = await call('orders:get', { orderId })
    return call('shipping:ship', { orderId, carrier: order.carrier, service: order.service, trackingNumber, trackingUrl })
  }

  return {
    ...t,
    lead,
    op,
    ids: { one: orderIdOf(t, 'OMS-1'), two: orderIdOf(t, 'OMS-2'), three: orderIdOf(t, 'OMS-3'), cancelled: orderIdOf(t, 'OMS-4') },
    call,
    refusal,
    pack,
    ship,
    signIn: (badgeCode: string) => call('operators:signIn', badgeCode === LEAD_APPROVAL.badgeCode ? LEAD_APPROVAL : { badgeCode })
  }
}

export type ShippingWorld = ReturnType<typeof shippingWorld>

export const A = (n: number) => imei(`${TAC_A}${String(n).padStart(6, '0')}`)
