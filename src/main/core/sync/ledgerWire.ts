// The shared serial ledger as it travels from the OMS (docs/oms-api.yaml,
// `pullSerialLedger`): zod schemas every page is parsed with before the
// station stores anything. Field names are the OMS's (snake_case), as in a pull page.
import { z } from 'zod'

export const LedgerEntry = z.object({
  serial: z.string().min(1).max(64),
  oms_order_id: z.string().min(1),
  order_number: z.string().min(1),
  station_id: z.string().min(1).max(100),
  station_name: z.string().nullable(),
  committed_at: z.string().min(1),
  state: z.enum(['live', 'released']),
  released_at: z.string().nullable()
})
export type LedgerEntry = z.infer<typeof LedgerEntry>

export const LedgerPage = z.object({
  entries: z.array(LedgerEntry),
  next_cursor: z.string().min(1),
  has_more: z.boolean()
})
export type LedgerPage = z.infer<typeof LedgerPage>

/** The station's name travels percent-encoded (a header carries ASCII only); null when it has none. */
export const STATION_NAME_HEADER = 'x-station-name'
export const encodeStationName = (name: string | null | undefined): string | null => {
  const trimmed = name?.trim()
  return trimmed ? encodeURIComponent(trimmed.slice(0, 100)) : null
}
export const decodeStationName = (value: string | null | undefined): string | null => {
  if (!value) return null
  try {
    return decodeURIComponent(value).trim().slice(0, 100) || null
  } catch {
    return null
  }
}
