// The scanners' connection state in the status bar, and the notice for a
// device scan that arrived while no scan screen was open.
import { useEffect, useState } from 'react'
import { Alert, Badge, Group, Text } from '@mantine/core'
import { Trans, useTranslation } from 'react-i18next'
import type { ConnectionState, ScanSource, ScannerStatus as Status } from '../../../shared/scanners'
import { station } from '../api'
import { useIgnoredScans } from '../deviceScans'
import { i18n } from '../i18n'
import { answerText } from '../useAction'

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

/** The scanner's name ("Keyboard wedge", "Serial scanner", "HID scanner"), in the language on screen. */
export function scannerName(source: ScanSource): string {
  const names: Record<ScanSource, string> = {
    keyboard: i18n.t('scanners:keyboard.title'),
    serial: i18n.t('scanners:serial.title'),
    hid: i18n.t('scanners:hid.title')
  }
  return names[source]
}

/** What a scanner is doing, in the language on screen: its words from main, else the English message (an older main). */
export const statusText = (status: Status): string => answerText(status)

/** The device a scan came from, in the language on screen (else as main named it in English). */
export const deviceText = (scan: { device: string; deviceWords?: Status['words'] }): string =>
  answerText({ message: scan.device, words: scan.deviceWords })

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
    // A badge keeps its whole words in a full status bar: only a not-connected scanner's reason gives way (cut short,
    // whole on hover), so only a scanner that shows one may shrink.
    <Group
      gap="md"
      wrap="nowrap"
      aria-label={t('status.label')}
      style={{ minWidth: 0, flexShrink: configured.some((s) => s.state !== 'connected') ? 1 : 0 }}
    >
      {configured.map((s) => (
        <Group
          key={s.source}
          gap={6}
          wrap="nowrap"
          title={statusText(s)}
          data-scanner={s.source}
          data-state={s.state}
          style={{ minWidth: 0, flexShrink: s.state === 'connected' ? 0 : 1 }}
        >
          <Badge size="xl" variant="dot" color={STATE_COLOUR[s.state]} style={{ flexShrink: 0 }}>
            {t('status.badge', { scanner: scannerName(s.source), state: stateWords(s.state) })}
          </Badge>
          {s.state !== 'connected' && (
            <Text size="md" c={s.state === 'error' ? 'red.8' : 'dimmed'} truncate maw={560}>
              {statusText(s)}
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
          {t('ignored.title', { device: deviceText(ignored) })}
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
