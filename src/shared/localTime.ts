// Every time a person reads — on screen, in a refusal, on a label or packing
// slip — is in the station's local time; stored times stay UTC ISO strings.
// One helper over Intl.DateTimeFormat for the renderer and the main process
// alike. The station's time zone is the operating system's (Intl's default);
// `timeZone` names another (tests, or a station set to one).

export type LocalTimeOptions = {
  /** An IANA zone ("Europe/Berlin"); the operating system's zone when absent. */
  timeZone?: string
  /** "…:07" seconds too. */
  seconds?: boolean
  /** Append the zone's short name ("NZDT", "GMT+1"), for printed documents that travel. */
  zone?: boolean
  /** Only the time of day, "14:05". */
  timeOnly?: boolean
}

const formatters = new Map<string, Intl.DateTimeFormat>()

// The operating system's zone, looked up again at most once a minute (a lookup costs ~0.1 ms, a list formats
// hundreds of times): a PC whose zone is changed shows the new zone within a minute, without a restart.
const ZONE_TTL_MS = 60_000
let osZone: { zone: string; at: number } | null = null

/** The zone the station shows times in: the operating system's. */
export function stationTimeZone(): string {
  const now = Date.now()
  if (!osZone || now - osZone.at > ZONE_TTL_MS) osZone = { zone: new Intl.DateTimeFormat().resolvedOptions().timeZone, at: now }
  return osZone.zone
}

/** Looks the operating system's zone up again now (after a change of TZ, in tests). */
export function refreshStationTimeZone(): void {
  osZone = null
}

/** Intl.DateTimeFormat is costly to build and a list formats hundreds of rows: one per option set, kept. */
function formatter({
  timeZone = stationTimeZone(),
  seconds = false,
  zone = false,
  timeOnly = false
}: LocalTimeOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${seconds}|${zone}|${timeOnly}`
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      ...(timeOnly ? {} : { year: 'numeric', month: '2-digit', day: '2-digit' }),
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
      ...(zone ? { timeZoneName: 'short' } : {}),
      hourCycle: 'h23'
    })
    formatters.set(key, f)
  }
  return f
}

/**
 * "2026-11-21 22:00" in the station's zone (year-month-day, 24-hour: sortable, read the same in every
 * warehouse); "" for an empty or unreadable time.
 */
export function formatLocalTime(time: string | Date | null | undefined, options: LocalTimeOptions = {}): string {
  if (time === null || time === undefined || time === '') return ''
  const date = typeof time === 'string' ? new Date(time) : time
  if (Number.isNaN(date.getTime())) return ''
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {}
  for (const p of formatter(options).formatToParts(date)) parts[p.type] = p.value
  const clock = `${parts.hour}:${parts.minute}${options.seconds ? `:${parts.second}` : ''}`
  const day = options.timeOnly ? '' : `${parts.year}-${parts.month}-${parts.day} `
  return `${day}${clock}${options.zone && parts.timeZoneName ? ` ${parts.timeZoneName}` : ''}`
}
