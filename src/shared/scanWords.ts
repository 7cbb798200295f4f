// What a scan answer says, as a code and its values (SPEC §5), so each screen words it in the operator's
// language (catalogue namespace `scan`, key `answer.<code>`); the core's English `message` is the same
// catalogue entry in English, for the command line and the logs.
import { z } from 'zod'

export const ScanCode = z.enum([
  'accepted',
  'acceptedPair',
  'acceptedSeveral',
  'acceptedUnits',
  'awaitingImei2',
  'handEntryRefused',
  'approvalRequired',
  'emptyScan',
  'tooLong',
  'notADigit',
  'imei14Digits',
  'imeisv',
  'imeiLength',
  'imeiCheckDigit',
  'formatCharacter',
  'bidiCharacter',
  'serialCharacter',
  'serialPattern',
  'notProductBarcode',
  'unreadableCode',
  'imei2Alone',
  'imei2Missing',
  'imei1Again',
  'twiceInScan',
  'alreadyScanned',
  'alreadyScannedNoBox',
  'alreadyScannedHere',
  'alreadyScannedHereNoBox',
  'alreadyShipped',
  'alreadyShippedNoBox',
  'alreadyShippedHere',
  'alreadyShippedHereNoBox',
  'duplicateElsewhere',
  'orderNotOpen',
  'orderOnHoldUntil',
  'noSerializedLine',
  'noNonSerializedLine',
  'wrongProduct',
  'wrongProductAnyLine',
  'wrongModel',
  'wrongModelAnyLine',
  'oneImeiPerUnit',
  'overScan',
  'overScanUnits',
  'overScanNeedsOnly',
  'wrongBarcodeOrder',
  'wrongBarcodeLine'
])
export type ScanCode = z.infer<typeof ScanCode>

/**
 * The values a code's sentence names. `status` is an order status code; `dispatchAfter` a UTC time.
 * A refusal of one part of a multi-serial code names the part: `partName` (+ `partValue`), or
 * `partIndex` of `partCount`.
 */
export const ScanParams = z.record(z.string(), z.union([z.string(), z.number()]))
export type ScanParams = z.infer<typeof ScanParams>

export const PART_PARAMS = ['partName', 'partValue', 'partIndex', 'partCount'] as const
