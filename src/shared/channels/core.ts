// The channels of the foundation: the station itself, orders, scanning and
// packing (operators are in ./operators.ts). Other features add a file of
// their own next to this one and spread it into the contract (src/shared/contract.ts).
import { z } from 'zod'
import {
  AppInfo,
  FailedImport,
  ImportFile,
  ImportSummary,
  OrderDetail,
  OrderQuery,
  OrderRef,
  OrderSummary,
  PackingConfirmation,
  SaveResult,
  ScanRequest,
  ScanResult
} from '../schemas'
import { none } from './none'
import { ConfirmRequest, SaveBoxRequest } from './packing'

export { none }

export const coreChannels = {
  'app:info': { args: none, result: AppInfo },
  'app:loadSampleData': { args: none, result: ImportSummary },

  'orders:list': { args: OrderQuery, result: z.array(OrderSummary) },
  'orders:get': { args: OrderRef, result: OrderDetail },
  'orders:import': { args: ImportFile, result: ImportSummary },
  'orders:failedImports': { args: none, result: z.array(FailedImport) },
  'orders:retryFailedImport': { args: z.strictObject({ id: z.number().int().positive() }), result: ImportSummary },

  'scanning:scan': { args: ScanRequest, result: ScanResult },

  'packing:save': { args: SaveBoxRequest, result: SaveResult },
  'packing:confirmation': { args: OrderRef, result: PackingConfirmation },
  'packing:confirm': { args: ConfirmRequest, result: OrderDetail }
} as const

/** Main → renderer notices of the foundation. */
export const coreNotices = {
  /** Orders changed behind the screen's back (import, hold release, sync): lists refresh. */
  'orders:changed': z.object({ orderIds: z.array(z.number().int().positive()) })
} as const
