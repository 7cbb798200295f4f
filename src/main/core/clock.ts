/** The station's idea of "now": injectable so tests can move time (hold release, lock-outs). */
export type Clock = () => Date

export const systemClock: Clock = () => new Date()

export const isoNow = (clock: Clock): string => clock().toISOString()
