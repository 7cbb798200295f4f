import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Grid, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import type { OrderDetail } from '../../../shared/orders'
import { normaliseTrackingNumber, trackingNumberProblem, trackingUrlProblem } from '../../../shared/shipping'
import { wordSentence } from '../../../shared/words'
import { station } from '../api'
import { OrderScreen } from '../components/OrderHeader'
import { useScanStream } from '../deviceScans'
import { useAction } from '../useAction'
import { useAsync } from '../useAsync'
import type { Navigate } from './routes'

/**
 * Shipping (SPEC §6): a packed order gets its carrier, service and tracking
 * number (scanned from the carrier label), optionally a tracking URL, and
 * becomes shipped. The scanner's Enter after the tracking number moves on to
 * the URL; Ship (or Enter in the URL field) records it.
 */
export function ShippingScreen({ orderId, navigate }: { orderId: number; navigate: Navigate }) {
  const { t } = useTranslation('shipping')
  const { value: order, error, setValue } = useAsync(() => station.orders.get({ orderId }), [orderId])
  if (error) return <Alert color="red">{error}</Alert>
  if (!order) return null
  return (
    <OrderScreen order={order} screen={t('screen')} back={{ label: t('back'), go: () => navigate({ screen: 'order', orderId }) }}>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {order.status === 'packed' && <ShipForm order={order} onShipped={setValue} />}
          {order.status === 'shipped' && <Shipped order={order} navigate={navigate} />}
          {order.status !== 'packed' && order.status !== 'shipped' && (
            <Alert color="orange" title={t('notPacked.title')} role="alert">
              <Text size="lg">{t('notPacked.text')}</Text>
              <Button mt="md" size="lg" variant="light" onClick={() => navigate({ screen: 'confirm', orderId })}>
                {t('notPacked.confirm')}
              </Button>
            </Alert>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <ParcelSummary order={order} />
        </Grid.Col>
      </Grid>
    </OrderScreen>
  )
}

function ShipForm({ order, onShipped }: { order: OrderDetail; onShipped: (order: OrderDetail) => void }) {
  const { t } = useTranslation('shipping')
  const [carrier, setCarrier] = useState(order.carrier)
  const [service, setService] = useState(order.service)
  const [trackingNumber, setTrackingNumber] = useState('')
  const [trackingUrl, setTrackingUrl] = useState('')
  const [checked, setChecked] = useState(false)
  const shipping = useAction()
  const numberField = useRef<HTMLInputElement>(null)
  const urlField = useRef<HTMLInputElement>(null)

  // A scanner that is not a keyboard (serial, HID) fills the tracking number, as if scanned into it.
  useScanStream((scan) => {
    setTrackingNumber(scan.data)
    urlField.current?.focus()
  })
  useEffect(() => numberField.current?.focus(), [])

  const numberProblem = trackingNumberProblem(normaliseTrackingNumber(trackingNumber))
  const urlProblem = trackingUrl.trim() ? trackingUrlProblem(trackingUrl.trim()) : null

  const ship = async () => {
    setChecked(true)
    shipping.clear()
    if (numberProblem || urlProblem || shipping.busy) return
    const result = await shipping.run(() =>
      station.shipping.ship({ orderId: order.id, carrier, service, trackingNumber, trackingUrl: trackingUrl.trim() || null })
    )
    if (result) onShipped(result.order)
  }

  return (
    <Paper withBorder p="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void ship()
        }}
      >
        <Stack>
          <Group grow>
            <RequiredText
              label={t('form.carrier')}
              missing={t('form.carrierMissing')}
              value={carrier}
              onChange={setCarrier}
              checked={checked}
            />
            <RequiredText
              label={t('form.service')}
              missing={t('form.serviceMissing')}
              value={service}
              onChange={setService}
              checked={checked}
            />
          </Group>
          <TextInput
            ref={numberField}
            className="serial-input"
            label={t('form.trackingNumber')}
            description={t('form.trackingNumberHint')}
            value={trackingNumber}
            onChange={(e) => setTrackingNumber(e.currentTarget.value)}
            onKeyDown={(e) => {
              // The scanner's Enter ends the tracking number: go on to the URL, do not ship yet.
              if (e.key === 'Enter') {
                e.preventDefault()
                setChecked(true)
                urlField.current?.focus()
              }
            }}
            error={checked && numberProblem ? wordSentence(t, numberProblem) : null}
            autoComplete="off"
            spellCheck={false}
          />
          <TextInput
            ref={urlField}
            label={t('form.trackingUrl')}
            size="lg"
            placeholder={t('form.trackingUrlPlaceholder')}
            value={trackingUrl}
            onChange={(e) => setTrackingUrl(e.currentTarget.value)}
            error={urlProblem ? wordSentence(t, urlProblem) : null}
            autoComplete="off"
            spellCheck={false}
          />
          {shipping.error && (
            <Alert color="red" title={t('form.notShipped')} role="alert">
              <Text size="lg">{shipping.error}</Text>
            </Alert>
          )}
          <Group>
            <Button type="submit" size="xl" color="teal" loading={shipping.busy}>
              {t('form.ship')}
            </Button>
            <Text size="lg" c="dimmed">
              {t('form.shipHint')}
            </Text>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

/** A field the shipment needs: once the form was checked, an empty one says what is `missing` ("Enter the …"). */
function RequiredText({
  label,
  missing,
  value,
  onChange,
  checked
}: {
  label: string
  missing: string
  value: string
  onChange: (value: string) => void
  checked: boolean
}) {
  return (
    <TextInput
      label={label}
      size="lg"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={checked && !value.trim() ? missing : null}
    />
  )
}

function Shipped({ order, navigate }: { order: OrderDetail; navigate: Navigate }) {
  const { t } = useTranslation('shipping')
  return (
    <Alert color="teal" title={t('shipped.title')} role="alert" variant="light">
      <Table variant="vertical" fz="lg" aria-label={t('shipped.table')} withRowBorders={false} styles={{ th: { whiteSpace: 'nowrap' } }}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={200}>{t('shipped.carrier')}</Table.Th>
            <Table.Td>{t('shipped.carrierService', { carrier: order.carrier, service: order.service })}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('shipped.trackingNumber')}</Table.Th>
            <Table.Td className="mono">{order.trackingNumber}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('shipped.trackingUrl')}</Table.Th>
            <Table.Td className="mono" style={{ wordBreak: 'break-all' }}>
              {order.trackingUrl ?? '—'}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('shipped.shippedAt')}</Table.Th>
            <Table.Td>{order.shippedAt ? t('common:dateTime', { at: new Date(order.shippedAt) }) : '—'}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Button mt="md" size="lg" variant="light" onClick={() => navigate({ screen: 'returns', orderId: order.id })}>
        {t('shipped.returns')}
      </Button>
    </Alert>
  )
}

function ParcelSummary({ order }: { order: OrderDetail }) {
  const { t } = useTranslation('shipping')
  const a = order.shipTo
  const boxes = order.boxes.filter((b) => b.status !== 'voided')
  const units = boxes.reduce((n, b) => n + b.unitCount, 0)
  return (
    <Paper withBorder p="md">
      <Title order={4}>{t('parcel.shipTo')}</Title>
      <Text size="lg">{a.name}</Text>
      {a.company && <Text size="lg">{a.company}</Text>}
      <Text size="lg">{a.street1}</Text>
      {a.street2 && <Text size="lg">{a.street2}</Text>}
      <Text size="lg">
        {a.postalCode} {a.city} {a.region ?? ''}
      </Text>
      <Text size="lg">{a.country}</Text>
      <Text size="lg" fw={700} mt="md">
        {t('parcel.summary', { boxes: t('parcel.boxes', { count: boxes.length }), units: t('parcel.units', { count: units }) })}
      </Text>
    </Paper>
  )
}
