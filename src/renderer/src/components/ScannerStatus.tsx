// The scanners' connection state in the status bar, and the notice for a
// device scan that arrived while no scan screen was open.
import { useEffect, useState } from 'react'
import { Alert, Badge, Group, Text } from '@mantine/core'
import { Trans, useTranslation } from 'react-i18next'
import type { ConnectionState, ScannerStatus as Status } from '../../../shared/scanners'
import { station } from '../api'
import { useIgnoredScans } from '../deviceScans'
import { i18n } from '../i18n'

export const STATE_COLOUR: Record<ConnectionState, string> = { connected: 'green', waiting: 'yellow', error: 'red', off: 'gray' }
/** The words for a scanner's state, in the language on screen. */
export function stateWords(state: ConnectionState): string {
  const words: Record<ConnectionState, string> = {
    connected: i18n.t('scanners:state.connected'),
    waiting: i18n.t('scanners:state.waiting'),
    error: i18n.t('scanners:state.error'),
    off: i18n.t('scanners:state.off')
  }
  return words[state]
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
  const { t } = useTranslation('scanners')
  return (
    <Group gap="md" wrap="nowrap" aria-label={t('status.label')} style={{ minWidth: 0 }}>
      {configured.map((s) => (
        <Group key={s.source} gap={6} wrap="nowrap" title={s.message} data-scanner={s.source} data-state={s.state} style={{ minWidth: 0 }}>
          <Badge size="xl" variant="dot" color={STATE_COLOUR[s.state]}>
            {t('status.badge', { scanner: s.label, state: stateWords(s.state) })}
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
  const { t } = useTranslation('scanners')
  if (!ignored) return null
  return (
    <Alert
      color="orange"
      variant="filled"
      mb="md"
      withCloseButton
      onClose={dismiss}
      role="alert"
      title={
        <Text fz="xl" fw={800}>
          {t('ignored.title', { device: ignored.device })}
        </Text>
      }
    >
      <Text fz="lg">
        <Trans
          t={t}
          i18nKey="ignored.text"
          values={{ data: ignored.data.length > 80 ? `${ignored.data.slice(0, 80)}…` : ignored.data }}
          components={{ mono: <span className="mono" /> }}
        />
      </Text>
    </Alert>
  )
}
