// The station's faults in the status bar, in plain words (a full disk, a
// read-only data folder, a busy database), for as long as they last, in the
// operator's language (the fault's catalogue words; its English otherwise).
import { useEffect, useState } from 'react'
import { Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Fault } from '../../../shared/health'
import { station } from '../api'
import { answerText } from '../useAction'

export function FaultStatus() {
  // `i18n.language` re-renders the faults' words when the operator's language changes.
  const { t, i18n } = useTranslation('packing')
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
      {faults.map((fault) => {
        const text = answerText(fault)
        return (
          <Text
            key={`${fault.kind}:${fault.message}`}
            size="md"
            fw={700}
            c="white"
            bg="red.8"
            px="sm"
            truncate
            maw={560}
            title={text}
            data-fault={fault.kind}
            lang={i18n.language}
            style={{ borderRadius: 4 }}
          >
            {text}
          </Text>
        )
      })}
    </Group>
  )
}
