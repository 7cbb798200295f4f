// The claims' plain words (English; the screens word them from the answer's
// fields through the `claims` catalogue). Times in the station's local time.
import type { ClaimHolder } from '../../../shared/claims'
import { formatLocalTime } from '../../../shared/localTime'

export const stationLabel = (holder: Pick<ClaimHolder, 'stationId' | 'stationName'>): string => holder.stationName ?? holder.stationId

export const heldElsewhere = (orderNumber: string, holder: ClaimHolder): string =>
  `Order ${orderNumber} is being packed at ${stationLabel(holder)} since ${formatLocalTime(holder.since, { timeOnly: true })}. ` +
  'A shift lead can take it over.'

export const waitForOms = (orderNumber: string, problem: string): string =>
  `Order ${orderNumber} cannot be claimed: ${problem} This station starts offline only orders assigned to it; try again when the OMS answers.`

/** The values of the held-elsewhere sentence (`refusals:sync.heldElsewhere`): the time is worded by each screen. */
export const heldElsewhereParams = (orderNumber: string, holder: ClaimHolder) => ({
  orderNumber,
  station: stationLabel(holder),
  sinceTime: holder.since
})

/** The values of the already-packed sentence (`refusals:sync.alreadyPacked`). */
export const alreadyPackedParams = (orderNumber: string, holder: Pick<ClaimHolder, 'stationId' | 'stationName'>, packedAt: string) => ({
  orderNumber,
  station: stationLabel(holder),
  packedTime: packedAt
})

export const alreadyPacked = (orderNumber: string, holder: Pick<ClaimHolder, 'stationId' | 'stationName'>, packedAt: string): string =>
  `Order ${orderNumber} was already packed at ${stationLabel(holder)} at ${formatLocalTime(packedAt, { timeOnly: true })}. ` +
  'It cannot be packed again here.'
