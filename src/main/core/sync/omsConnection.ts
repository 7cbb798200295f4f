// The relay's view of the OMS as a whole. A batch that fails as a whole
// (network, timeout, 408, 429, 5xx) says nothing about its events: the OMS is
// unreachable, so the whole relay waits a full-jitter backoff that grows with
// the failures in a row, or as long as the OMS asked (Retry-After), and then
// tries one small batch. The first answer ends the wait, and everything that
// waits goes at full speed. Events carry no retry time of their own for this.
import type { Clock } from '../clock'
import { fullJitterDelay } from './backoff'
import type { OmsError } from './omsClient'

export type ConnectionBackoff = { backoffBaseMs: number; backoffCapMs: number }

/** The longest Retry-After honoured: a wrong date in the header does not stop the station for days. */
export const RETRY_AFTER_LIMIT_MS = 3_600_000

export class OmsConnection {
  /** Whole-batch failures in a row since the OMS last answered; 0 while it answers. */
  private failures = 0
  private retryAtMs: number | null = null

  constructor(
    private readonly clock: Clock,
    private readonly random: () => number
  ) {}

  /** The last batch failed as a whole: the next may only be a probe, after the wait. */
  get failing(): boolean {
    return this.failures > 0
  }

  /** How long until the next try may go; 0 when it may go now. */
  waitMs(): number {
    return this.retryAtMs === null ? 0 : Math.max(0, this.retryAtMs - this.clock().getTime())
  }

  /** When the next try goes while the OMS is unreachable; null when it answers. */
  nextTryAt(): string | null {
    return this.retryAtMs === null ? null : new Date(this.retryAtMs).toISOString()
  }

  /** The OMS answered a batch: no more waiting. */
  answered(): void {
    this.failures = 0
    this.retryAtMs = null
  }

  /**
   * A batch failed as a whole; returns how long the relay now waits. Retryable failures wait a
   * full-jitter backoff (at least the Retry-After the OMS asked for); a refusal that retrying cannot
   * fix (400, 401…) waits the longest backoff: its cause is usually fixed on the other side.
   */
  failed(error: OmsError, { backoffBaseMs, backoffCapMs }: ConnectionBackoff): number {
    const attempt = this.failures++
    const delay = error.retryable
      ? Math.max(
          fullJitterDelay(attempt, backoffBaseMs, backoffCapMs, this.random),
          Math.min(error.retryAfterMs ?? 0, RETRY_AFTER_LIMIT_MS)
        )
      : backoffCapMs
    this.retryAtMs = this.clock().getTime() + delay
    return delay
  }

  /** The settings or the token changed: what the last tries said no longer holds. */
  reset(): void {
    this.answered()
  }
}
