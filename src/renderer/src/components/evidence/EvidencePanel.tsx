// An order's packing evidence (issue 17): its recordings with their chapters,
// and — on the order screen — what a shift lead does when a marketplace claim
// comes in: export the dispute pack, keep the evidence until the dispute is
// closed, release it. Nothing is shown for an order that was never recorded.
import { useState } from 'react'
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { station } from '../../api'
import { useAction } from '../../useAction'
import { useAsync } from '../../useAsync'
import { useApproval } from '../useApproval'
import { EvidencePlayer } from './EvidencePlayer'

export function EvidencePanel({
  orderId,
  orderNumber,
  focus,
  manage = false
}: {
  orderId: number
  orderNumber: string
  /** IMEI history: only recordings in which these serials were scanned, starting at their scan. */
  focus?: string[]
  /** The order screen: export, keep and release. */
  manage?: boolean
}) {
  const { t } = useTranslation('evidence')
  const approval = useApproval()
  const outcome = useAction()
  const sessions = useAsync(() => station.evidence.ofOrder({ orderId }), [orderId])
  const kept = useAsync(() => (manage ? station.evidence.keepOf({ orderId }) : Promise.resolve(null)), [orderId, manage])
  const [written, setWritten] = useState<string | null>(null)

  const all = sessions.value ?? []
  const shown = focus ? all.filter((s) => s.markers.some((m) => m.serial !== null && focus.includes(m.serial))) : all
  if (shown.length === 0) return null

  const exportPack = () =>
    approval.ask(t('pack.action'), async (a) => {
      const pack = await station.evidence.export({ orderId, approval: a })
      setWritten(t('pack.written', { path: pack.path, mb: pack.bytes / 1_000_000, count: pack.recordings }))
    })
  const keep = () =>
    approval.ask(
      t('keep.action'),
      async (a, reason) => {
        kept.setValue(await station.evidence.keep({ orderId, reason: reason ?? '', approval: a }))
        outcome.succeed(t('keep.done', { orderNumber }))
      },
      { reason: 'required' }
    )
  const release = () =>
    approval.ask(t('keep.releaseAction'), async (a) => {
      await station.evidence.release({ orderId, approval: a })
      kept.setValue(null)
      outcome.succeed(t('keep.released', { orderNumber }))
    })

  return (
    <Paper withBorder p="md" aria-label={t('panel.label', { orderNumber })} component="section">
      <Stack gap="sm">
        <Group justify="space-between">
          {/* IMEI history lists several orders' recordings: each names its order. */}
          <Title order={3}>{focus ? t('panel.label', { orderNumber }) : t('panel.title')}</Title>
          {manage && (
            <Group gap="xs">
              <Button size="md" variant="light" onClick={exportPack}>
                {t('pack.button')}
              </Button>
              {kept.value ? (
                <Button size="md" variant="default" onClick={release}>
                  {t('keep.release')}
                </Button>
              ) : (
                <Button size="md" variant="default" onClick={keep}>
                  {t('keep.button')}
                </Button>
              )}
            </Group>
          )}
        </Group>
        {manage && kept.value && (
          <Text c="grape.8" fw={700}>
            {t('keep.kept', { by: kept.value.keptBy, at: kept.value.keptAt, reason: kept.value.reason })}
          </Text>
        )}
        {written && (
          <Alert color="teal" role="status" title={t('pack.title')}>
            <Text className="mono" style={{ wordBreak: 'break-all' }}>
              {written}
            </Text>
          </Alert>
        )}
        {outcome.notice && (
          <Alert color="teal" role="status">
            {outcome.notice}
          </Alert>
        )}
        {(sessions.error ?? outcome.error) && (
          <Alert color="red" role="alert">
            {sessions.error ?? outcome.error}
          </Alert>
        )}
        {shown.map((session) => (
          <EvidencePlayer
            key={session.sessionId}
            orderId={orderId}
            session={session}
            n={all.indexOf(session) + 1}
            focus={focus}
            ask={approval.ask}
          />
        ))}
      </Stack>
      {approval.dialog}
    </Paper>
  )
}
