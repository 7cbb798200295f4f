// The status bar's packing-evidence warning (issue 17): before the evidence
// reaches its disk quota (the oldest recordings are about to be deleted), and
// when it is over it with everything kept for returns or disputes. Checked
// each minute; nothing is shown while recording is off or the disk is fine.
import { useEffect, useState } from 'react'
import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { EvidenceUsage } from '../../../../shared/evidence'
import { station } from '../../api'

const EVERY_MS = 60_000

export function EvidenceQuota() {
  const { t } = useTranslation('evidence')
  const [usage, setUsage] = useState<EvidenceUsage | null>(null)
  useEffect(() => {
    let live = true
    const check = () =>
      station.evidence.usage().then(
        (u) => live && setUsage(u),
        () => {}
      )
    void check()
    const timer = setInterval(check, EVERY_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [])
  if (!usage || usage.level === 'ok') return null
  const values = {
    used: Math.round(usage.usedBytes / 1_000_000),
    quota: Math.round(usage.quotaBytes / 1_000_000)
  }
  // The bar is one 48 px line shared with the scanner and OMS states: a short sentence on at most two small
  // lines (the full one, as the log says it, on hover), so that no language cuts it off or squeezes the others.
  const text = usage.level === 'over' ? t('quota.overShort', values) : t('quota.nearShort', values)
  const sentence = usage.level === 'over' ? t('quota.over', values) : t('quota.near', values)
  return (
    <Text
      role="status"
      aria-label={t('quota.label')}
      size="sm"
      lh={1.2}
      fw={700}
      c={usage.level === 'over' ? 'white' : 'black'}
      bg={usage.level === 'over' ? 'red.8' : 'yellow.4'}
      px="sm"
      py={2}
      lineClamp={2}
      maw={400}
      miw={220}
      title={sentence}
      style={{ borderRadius: 4 }}
    >
      {text}
    </Text>
  )
}
