// The station's faults in the status bar, in plain words (a full disk, a
// read-only data folder, a busy database), for as long as they last.
import { useEffect, useState } from 'react'
import { Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Fault } from '../../../shared/health'
import { station } from '../api'

export function FaultStatus() {
  const { t } = useTranslation('packing')
  const [faults, setFaults] = useState<Fault[]>([])
  useEffect(() => {
    let live = true
    const off = station.on('health:status', (s) => setFaults(s.faults))
    station.health.status().then(
      (s) => live && setFaults(s.faults),
      () => {}
    )
    return () => {
      live = false
      off()
    }
  }, [])
  if (faults.length === 0) return null
  return (
    <Group gap="sm" wrap="nowrap" role="status" aria-label={t('faults.label')} style={{ minWidth: 0 }}>
      {faults.map((fault) => (
        <Text
          key={`${fault.kind}:${fault.message}`}
          size="md"
          fw={700}
          c="white"
          bg="red.8"
          px="sm"
          truncate
          maw={560}
          title={fault.message}
          data-fault={fault.kind}
          style={{ borderRadius: 4 }}
        >
          {fault.message}
        </Text>
      ))}
    </Group>
  )
}
