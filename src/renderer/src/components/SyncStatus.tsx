// The OMS sync in the status bar: online/offline, events waiting, the last
// successful sync and the last error; pressing it opens the Sync screen.
import { useEffect, useState } from 'react'
import { Badge, Group, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { SyncStatus as Status } from '../../../shared/sync'
import { station } from '../api'
import { i18n } from '../i18n'
import { lastErrorText } from '../screens/sync/lastErrorText'

/** The sync's status, kept current by the `sync:status` notice. */
export function useSyncStatus(): Status | null {
  const [status, setStatus] = useState<Status | null>(null)
  useEffect(() => {
    let live = true
    const off = station.on('sync:status', (s) => setStatus(s))
    station.sync.status().then(
      (s) => live && setStatus(s),
      () => {}
    )
    return () => {
      live = false
      off()
    }
  }, [])
  return status
}

export const timeOf = (iso: string | null): string => {
  if (!iso) return i18n.t('sync:status.never')
  const sameDay = new Date(iso).toDateString() === new Date().toDateString()
  return sameDay ? i18n.t('common:time', { at: iso }) : i18n.t('common:dateTime', { at: iso })
}

export function connection(status: Status): { label: string; color: string } {
  if (!status.configured) return { label: i18n.t('sync:status.offlineStation'), color: 'gray' }
  if (status.online === null) return { label: i18n.t('sync:status.connecting'), color: 'yellow' }
  return status.online ? { label: i18n.t('sync:status.online'), color: 'green' } : { label: i18n.t('sync:status.offline'), color: 'red' }
}

export function SyncStatus({ onOpen }: { onOpen: () => void }) {
  const status = useSyncStatus()
  const { t } = useTranslation('sync')
  if (!status) return null
  const { label, color } = connection(status)
  const lastError = lastErrorText(status)
  const lastSync = t('status.lastSync', { time: timeOf(status.lastSuccessAt) })
  return (
    <UnstyledButton onClick={onOpen} aria-label={t('status.label')} style={{ minWidth: 0 }}>
      <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
        <Badge size="lg" variant="dot" color={color} data-online={String(status.online)} style={{ flexShrink: 0 }}>
          {label}
        </Badge>
        <Text size="md" fw={700} aria-label={t('status.eventsWaiting')} style={{ whiteSpace: 'nowrap' }}>
          {t('status.waiting', { count: status.waiting })}
        </Text>
        {status.rejected > 0 && (
          <Badge size="lg" color="red" style={{ flexShrink: 0 }}>
            {t('status.rejected', { count: status.rejected })}
          </Badge>
        )}
        {/* The states keep their whole words in a full status bar (another language, the evidence warning): this
            line gives way first, cut short with its whole text on hover. */}
        <Text size="md" truncate title={lastSync} style={{ minWidth: 0 }}>
          {lastSync}
        </Text>
        {lastError && (
          <Text size="md" c="red.8" truncate maw={460} title={lastError}>
            {lastError}
          </Text>
        )}
        {status.tokenWarning && (
          <Text size="md" c="orange.8" truncate maw={300} title={status.tokenWarning}>
            {t('status.tokenUnencrypted')}
          </Text>
        )}
      </Group>
    </UnstyledButton>
  )
}
