// The scanners' connection state in the status bar, and the notice for a
// device scan that arrived while no scan screen was open.
import { useEffect, useState } from 'react'
import { Alert, Badge, Group, Text } from '@mantine/core'
import type { ConnectionState, ScannerStatus as Status } from '../../../shared/scanners'
import { station } from '../api'
import { useIgnoredScans } from '../deviceScans'

export const STATE_COLOUR: Record<ConnectionState, string> = { connected: 'green', waiting: 'yellow', error: 'red', off: 'gray' }
export const STATE_WORDS: Record<ConnectionState, string> = {
  connected: 'connected',
  waiting: 'waiting for device',
  error: 'error',
  off: 'off'
}

/** Every scanner's state, kept current by the `scanners:status` notice. */
export function useScannerStatus(): Status[] {
  const [statuses, setStatuses] = useState<Status[]>([])
  useEffect(() => {
    let live = true
    const off = station.on('scanners:status', ({ scanners }) => setStatuses(scanners))
    station.scanners.status().then(
      (s) => live && setStatuses(s),
      () => {}
    )
    return () => {
      live = false
      off()
    }
  }, [])
  return statuses
}

/** One badge per configured scanner; the reason is spelled out when one is not connected. */
export function ScannerStatus() {
  const configured = useScannerStatus().filter((s) => s.state !== 'off')
  return (
    <Group gap="md" wrap="nowrap" aria-label="Scanner status" style={{ minWidth: 0 }}>
      {configured.map((s) => (
        <Group key={s.source} gap={6} wrap="nowrap" title={s.message} data-scanner={s.source} data-state={s.state} style={{ minWidth: 0 }}>
          <Badge size="xl" variant="dot" color={STATE_COLOUR[s.state]}>
            {s.label}: {STATE_WORDS[s.state]}
          </Badge>
          {s.state !== 'connected' && (
            <Text size="md" c={s.state === 'error' ? 'red.8' : 'dimmed'} truncate maw={560}>
              {s.message}
            </Text>
          )}
        </Group>
      ))}
    </Group>
  )
}

/** "Scan from … ignored": a device scan arrived with no scan screen open; nothing was applied. */
export function IgnoredScanNotice() {
  const { ignored, dismiss } = useIgnoredScans()
  if (!ignored) return null
  return (
    <Alert
      color="orange"
      variant="filled"
      mb="md"
      withCloseButton
      onClose={dismiss}
      role="alert"
      title={<Text fz="xl" fw={800}>{`Scan from ${ignored.device} ignored: open an order's scan screen first`}</Text>}
    >
      <Text fz="lg">
        <span className="mono">{ignored.data.length > 80 ? `${ignored.data.slice(0, 80)}…` : ignored.data}</span> was not applied to any
        order. Open the order, then its scan screen, and scan the unit again.
      </Text>
    </Alert>
  )
}
