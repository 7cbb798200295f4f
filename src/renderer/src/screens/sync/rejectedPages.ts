import type { RejectedCursor, RejectedEvent } from '../../../../shared/sync'
import { station } from '../../api'
import type { Page } from '../../components/usePages'

/** A page of the open rejected events, for usePages (the Sync screen). */
export async function fetchRejected(cursor: RejectedCursor | undefined): Promise<Page<RejectedEvent, RejectedCursor>> {
  const { rejected, ...page } = await station.sync.rejectedEvents(cursor ? { cursor } : {})
  return { rows: rejected, ...page }
}
