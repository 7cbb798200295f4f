/**
 * "Full jitter" exponential backoff: a random wait between 0 and
 * min(cap, base · 2^attempt), so many stations coming back online at once
 * do not all knock on the OMS at the same moment.
 */
export function fullJitterDelay(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30))
  return Math.floor(random() * ceiling)
}
