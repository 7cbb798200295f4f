// Preview / Print / Reprint for the labels of an order or a box. The screen
// names the label (kind, order, box); the station picks the printer.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core'
import type { LabelKind, PrintJob } from '../../../shared/labels'
import { station } from '../api'
import { answerText, useAction } from '../useAction'
import { useAsync } from '../useAsync'
import { LabelPreview } from './LabelPreview'

type Props = { orderId: number; boxId?: string; kinds: LabelKind[]; compact?: boolean }

export function LabelActions({ orderId, boxId, kinds, compact }: Props) {
  const { t } = useTranslation('printing')
  const [open, setOpen] = useState<LabelKind | null>(null)
  // The order's print jobs tell Print from Reprint; without them (not loaded) every button says Print.
  const { value: jobs = [], reload } = useAsync(() => station.labels.jobs({ orderId }), [orderId])
  useEffect(
    () =>
      station.on('printing:job', (n) => {
        if (n.orderId === orderId) void reload()
      }),
    [orderId, reload]
  )
  const lastJob = (kind: LabelKind) => jobs.find((j) => j.kind === kind && (boxId ? j.boxId === boxId : true))

  return (
    <>
      <Group gap="xs">
        {kinds.map((kind) => (
          <Button key={kind} size={compact ? 'xs' : 'md'} variant="light" onClick={() => setOpen(kind)}>
            {/* t('kind.box_label'), t('kind.shipping_label'), t('kind.packing_slip') */}
            {lastJob(kind) ? t('actions.reprintKind', { kind: t(`kind.${kind}`) }) : t(`kind.${kind}`)}
          </Button>
        ))}
      </Group>
      {open && <LabelDialog kind={open} orderId={orderId} boxId={boxId} lastJob={lastJob(open)} onClose={() => setOpen(null)} />}
    </>
  )
}

function LabelDialog({
  kind,
  orderId,
  boxId,
  lastJob,
  onClose
}: {
  kind: LabelKind
  orderId: number
  boxId?: string
  lastJob?: PrintJob
  onClose: () => void
}) {
  const { t } = useTranslation('printing')
  const ref = { kind, orderId, ...(boxId ? { boxId } : {}) }
  const loaded = useAsync(() => station.labels.preview(ref), [kind, orderId, boxId])
  const preview = loaded.value
  const [job, setJob] = useState<PrintJob | null>(null)
  const printing = useAction()
  const busy = printing.busy
  const error = printing.error ?? loaded.error

  const print = async (call: () => Promise<PrintJob>) => {
    const printed = await printing.run(call)
    if (!printed) return
    setJob(printed)
    void loaded.reload()
  }
  const reprint = Boolean(lastJob || job)

  return (
    <Modal opened onClose={onClose} size="auto" title={preview?.title ?? t(`kind.${kind}`)}>
      <Stack>
        {preview && <LabelPreview pdfBase64={preview.pdfBase64} title={preview.title} width={kind === 'packing_slip' ? 520 : 380} />}
        {preview?.sscc && (
          <Text size="sm" className="mono" aria-label={t('actions.sscc')}>
            {t('actions.ssccValue', { sscc: preview.sscc })}
          </Text>
        )}
        {error && (
          <Alert color="red" title={t('actions.notPrinted')}>
            {error}
          </Alert>
        )}
        {job && (
          <Alert
            color={job.status === 'printed' ? 'green' : 'red'}
            title={job.status === 'printed' ? t('actions.printed') : t('actions.failed')}
          >
            {job.status === 'printed'
              ? t('actions.sentTo', { printer: job.printer })
              : answerText({ message: job.error ?? '', words: job.errorWords })}
          </Alert>
        )}
        <Group justify="flex-end">
          {job?.status === 'failed' && (
            <Button color="orange" loading={busy} onClick={() => print(() => station.labels.retry({ jobId: job.id }))}>
              {t('common:actions.retry')}
            </Button>
          )}
          <Button size="md" loading={busy} disabled={!preview} onClick={() => print(() => station.labels.print(ref))}>
            {reprint ? t('actions.reprint') : t('actions.print')}
          </Button>
          <Button size="md" variant="default" onClick={onClose}>
            {t('common:actions.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

/** The labels of an order: shipping label and packing slip, and the box label of each confirmed box. */
export function OrderLabels({
  order
}: {
  order: { id: number; boxes: { id: string; number: number; status: string; unitCount: number }[] }
}) {
  const { t } = useTranslation('printing')
  const confirmed = order.boxes.filter((b) => b.status === 'confirmed')
  return (
    <Paper withBorder p="md" aria-label={t('actions.labels')}>
      <Group justify="space-between" align="flex-start">
        <Stack gap="xs">
          <Text fw={700}>{t('actions.labels')}</Text>
          <LabelActions orderId={order.id} kinds={['shipping_label', 'packing_slip']} />
        </Stack>
        <Stack gap={6}>
          {confirmed.length === 0 && <Text c="dimmed">{t('actions.boxLabelsLater')}</Text>}
          {confirmed.map((box, i) => (
            <Group key={box.id} gap="sm" data-box-label={i + 1}>
              <Text w={150}>{t('actions.boxOf', { box: i + 1, total: confirmed.length, count: box.unitCount })}</Text>
              <LabelActions orderId={order.id} boxId={box.id} kinds={['box_label']} compact />
            </Group>
          ))}
        </Stack>
      </Group>
    </Paper>
  )
}
