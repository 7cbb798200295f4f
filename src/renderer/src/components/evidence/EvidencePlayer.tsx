// One recording of an order, played on the station (issue 17): the shift
// lead approves the viewing, the video comes from the station's own origin
// with seeking, and its chapters — each scan, refusal, Save, box and the
// Packing Confirmation — jump to their second. With `focus` (IMEI history),
// the player starts at the moment that IMEI was scanned.
import { useRef, useState } from 'react'
import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { EvidenceSession } from '../../../../shared/evidence'
import { station } from '../../api'
import { HeadedTable } from '../HeadedTable'
import type { AskApproval } from '../useApproval'
import { clipTime } from './clipTime'

type Marker = EvidenceSession['markers'][number]

export function EvidencePlayer({
  orderId,
  session,
  n,
  focus,
  ask
}: {
  orderId: number
  session: EvidenceSession
  n: number
  /** Serials whose scan the player jumps to (IMEI history); the chapters show only their moments and the boxes. */
  focus?: string[]
  ask: AskApproval
}) {
  const { t } = useTranslation('evidence')
  const video = useRef<HTMLVideoElement>(null)
  const [url, setUrl] = useState<string | null>(null)
  const [current, setCurrent] = useState<number | null>(null)

  const chapters = focus
    ? session.markers.filter(
        (m) => (m.serial !== null && focus.includes(m.serial)) || (m.kind !== 'scan_accepted' && m.kind !== 'scan_refused')
      )
    : session.markers
  const start = focus ? session.markers.find((m) => m.serial !== null && focus.includes(m.serial)) : undefined

  const seek = (marker: Marker) => {
    setCurrent(marker.offsetMs)
    const element = video.current
    if (!element) return
    element.currentTime = marker.offsetMs / 1000
    void element.play().catch(() => {})
  }

  const watch = () =>
    ask(t('player.action'), async (approval) => {
      const granted = await station.evidence.watch({ orderId, sessionId: session.sessionId, approval })
      setUrl(granted.url)
    })

  return (
    <Paper withBorder p="sm" data-session={session.sessionId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700}>
            {t('player.recording', {
              n,
              at: session.startedAt,
              duration: session.durationMs === null ? '—' : clipTime(session.durationMs)
            })}
          </Text>
          <Group gap="xs" wrap="nowrap">
            {session.sealed ? (
              <Badge color="teal" variant="light">
                {t('player.sealed')}
              </Badge>
            ) : (
              <Badge color="orange" variant="light">
                {t('player.notSealed')}
              </Badge>
            )}
            {!url && (
              <Button size="md" disabled={!session.sealed} onClick={watch}>
                {start ? t('player.watchFrom', { at: clipTime(start.offsetMs) }) : t('player.watch')}
              </Button>
            )}
          </Group>
        </Group>
        {url && (
          // eslint-disable-next-line jsx-a11y/media-has-caption -- the bench camera records no sound: there is nothing to caption
          <video
            ref={video}
            src={url}
            controls
            preload="metadata"
            aria-label={t('player.video', { n })}
            style={{ width: '100%', maxHeight: 480, background: 'black' }}
            onLoadedMetadata={() => start && seek(start)}
          />
        )}
        {chapters.length > 0 && (
          <HeadedTable
            fz="sm"
            aria-label={t('player.chapters', { n })}
            columns={[t('player.at'), t('player.what'), t('player.serial'), t('player.box')]}
          >
            {chapters.map((m, i) => (
              <Table.Tr key={i} data-kind={m.kind} bg={current === m.offsetMs ? 'blue.0' : undefined}>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-md"
                    disabled={!url}
                    onClick={() => seek(m)}
                    aria-label={t('player.jump', { at: clipTime(m.offsetMs) })}
                  >
                    {clipTime(m.offsetMs)}
                  </Button>
                </Table.Td>
                {/* marker.scan_accepted, marker.scan_refused, marker.box_saved, marker.box_confirmed, marker.packing_confirmed */}
                <Table.Td>{t(`marker.${m.kind}`, { defaultValue: m.kind })}</Table.Td>
                <Table.Td className="mono">{m.serial ?? ''}</Table.Td>
                <Table.Td className="mono">{m.boxId ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </HeadedTable>
        )}
      </Stack>
    </Paper>
  )
}
