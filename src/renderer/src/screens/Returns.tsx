import { useRef, useState } from 'react'
import { Alert, Badge, Button, Grid, Group, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import type { OrderDetail, OrderSummary } from '../../../shared/schemas'
import type { ReturnCheck, ReturnRecord } from '../../../shared/schemas/shipping'
import { station } from '../api'
import { OrderHeader } from '../components/OrderHeader'
import { ScanField, type ScanEntry, type ScanFieldHandle } from '../components/ScanField'
import { useScanStream } from '../deviceScans'
import type { OutcomeClass } from '../feedback/outcomes'
import { playFeedback } from '../feedback/sounds'
import { useAsync } from '../useAsync'
import type { Navigate } from './routes'

const when = (iso: string) => iso.slice(0, 16).replace('T', ' ')

/**
 * Returns (SPEC §6): find the shipped order (order number, channel order id
 * or any IMEI of the parcel), scan the returned units one by one, then
 * Record return stores the parcel whole. A unit that was not shipped in the
 * order is flagged loudly and recorded with its flag: the parcel is here.
 */
export function ReturnsScreen({ orderId, navigate }: { orderId?: number; navigate: Navigate }) {
  if (orderId === undefined) return <FindShippedOrder navigate={navigate} />
  return <ReturnParcel key={orderId} orderId={orderId} navigate={navigate} />
}

function FindShippedOrder({ navigate }: { navigate: Navigate }) {
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<{ query: string; orders: OrderSummary[] } | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  const search = async (text: string) => {
    if (!text.trim()) return
    setFailure(null)
    try {
      const orders = await station.orders.list({ query: text.trim(), status: 'shipped', limit: 50 })
      if (orders.length === 1) return navigate({ screen: 'returns', orderId: orders[0].id })
      setFound({ query: text.trim(), orders })
    } catch (e) {
      setFailure((e as Error).message)
    }
  }
  useScanStream((scan) => {
    setQuery(scan.data)
    return search(scan.data)
  })

  return (
    <Stack maw={1100}>
      <Title order={2}>Returns</Title>
      <Text size="lg">Scan or type the order number, the channel order id, or the IMEI of any unit in the returned parcel.</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void search(query)
        }}
      >
        <TextInput label="Order or IMEI" size="xl" value={query} onChange={(e) => setQuery(e.currentTarget.value)} autoFocus autoComplete="off" spellCheck={false} />
      </form>
      {failure && (
        <Alert color="red" title="Search failed" role="alert">
          {failure}
        </Alert>
      )}
      {found && found.orders.length === 0 && (
        <Alert color="orange" title="No shipped order found" role="alert">
          <Text size="lg">No shipped order matches {found.query}. A return is scanned against the order it shipped in.</Text>
        </Alert>
      )}
      {found && found.orders.length > 1 && (
        <Table fz="lg" highlightOnHover aria-label="Shipped orders">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Order</Table.Th>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Channel order id</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {found.orders.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td fw={700}>{o.orderNumber}</Table.Td>
                <Table.Td>{o.channel}</Table.Td>
                <Table.Td className="mono">{o.channelOrderId}</Table.Td>
                <Table.Td>
                  <Button onClick={() => navigate({ screen: 'returns', orderId: o.id })}>Scan return</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}

type Panel = { cls: OutcomeClass | 'idle'; headline: string; message: string }

const FLAG_PANEL: Record<NonNullable<ReturnCheck['flag']> | 'ok', { cls: OutcomeClass; headline: string }> = {
  ok: { cls: 'ok', headline: 'OK' },
  not_in_order: { cls: 'wrong_item', headline: 'NOT IN THIS ORDER' },
  unknown_serial: { cls: 'invalid_serial', headline: 'UNKNOWN SERIAL' },
  already_returned: { cls: 'duplicate', headline: 'ALREADY RETURNED' }
}

const FLAG_LABEL = { not_in_order: 'Not in this order', unknown_serial: 'Unknown serial', already_returned: 'Already returned' } as const

function ReturnParcel({ orderId, navigate }: { orderId: number; navigate: Navigate }) {
  const { value: order, error } = useAsync(() => station.orders.get({ orderId }), [orderId])
  const earlier = useAsync(() => station.returns.list({ orderId }), [orderId])
  const [parcel, setParcel] = useState<ReturnCheck[]>([])
  const [panel, setPanel] = useState<Panel>({ cls: 'idle', headline: 'READY TO SCAN', message: 'Scan each returned unit’s IMEI; the scanner sends Enter.' })
  const [note, setNote] = useState('')
  const [recorded, setRecorded] = useState<ReturnRecord | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const field = useRef<ScanFieldHandle>(null)
  const busy = useRef(false)

  const show = (next: Panel) => {
    setPanel(next)
    if (next.cls !== 'idle') playFeedback(next.cls)
  }

  const check = async (entry: ScanEntry) => {
    if (busy.current) return
    busy.current = true
    setRecorded(null)
    setFailure(null)
    try {
      const result = await station.returns.check({ orderId, input: entry.value, inParcel: parcel.map((u) => u.serial) })
      setParcel((units) => [...units, result])
      show({ ...FLAG_PANEL[result.flag ?? 'ok'], message: result.message })
    } catch (e) {
      show({ cls: 'invalid_serial', headline: 'NOT ADDED', message: (e as Error).message })
    } finally {
      busy.current = false
      field.current?.focus()
    }
  }
  useScanStream((scan) => check({ value: scan.data, entryMethod: 'scanned' }), order?.status === 'shipped')

  const record = async () => {
    setFailure(null)
    try {
      const result = await station.returns.record({ orderId, serials: parcel.map((u) => u.serial), note: note.trim() || undefined })
      setRecorded(result)
      setParcel([])
      setNote('')
      setPanel({ cls: 'idle', headline: 'READY TO SCAN', message: 'Return recorded. Scan the next parcel of this order, or go back to Returns.' })
      void earlier.reload()
    } catch (e) {
      setFailure((e as Error).message)
    } finally {
      field.current?.focus()
    }
  }

  if (error) return <Alert color="red">{error}</Alert>
  if (!order) return null
  const flagged = parcel.filter((u) => u.flag !== null).length

  return (
    <Stack>
      <OrderHeader order={order} title={`Return · ${order.orderNumber}`} back={{ label: 'Returns', go: () => navigate({ screen: 'returns' }) }} />
      {order.status !== 'shipped' ? (
        <Alert color="orange" title="Not shipped" role="alert">
          <Text size="lg">Order {order.orderNumber} has not shipped: a return is scanned against the order it shipped in.</Text>
        </Alert>
      ) : (
        <Grid>
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Stack>
              <ScanField ref={field} label="Serial" onScan={(entry) => void check(entry)} />
              <div className="scan-feedback" data-outcome={panel.cls} role="status" aria-live="assertive" aria-label="Scan result">
                <div className="headline">{panel.headline}</div>
                <div className="detail">{panel.message}</div>
              </div>
              {recorded && (
                <Alert color="green" title="Return recorded" role="alert">
                  <Text size="lg">
                    {recorded.units.length} unit{recorded.units.length === 1 ? '' : 's'} received from order {order.orderNumber},{' '}
                    {recorded.units.filter((u) => u.flag).length} flagged.
                  </Text>
                </Alert>
              )}
              {failure && (
                <Alert color="red" title="Return not recorded" role="alert">
                  <Text size="lg">{failure}</Text>
                </Alert>
              )}
              <Group align="end" wrap="nowrap">
                <Textarea label="Note (optional)" size="md" style={{ flex: 1 }} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={1} />
                <Button size="xl" color="green" disabled={parcel.length === 0} onClick={record}>
                  Record return
                </Button>
              </Group>
              <Text c="dimmed">When every unit of the parcel is scanned: Record return stores it whole, flags included, and reports it to the OMS.</Text>
              <Paper withBorder p="md">
                <Group justify="space-between" mb="xs">
                  <Title order={3}>This parcel</Title>
                  <Text size="lg" fw={700}>
                    {parcel.length} unit{parcel.length === 1 ? '' : 's'}
                    {flagged > 0 ? `, ${flagged} flagged` : ''}
                  </Text>
                </Group>
                {parcel.length === 0 ? (
                  <Text c="dimmed" size="lg">
                    Nothing scanned yet.
                  </Text>
                ) : (
                  <ParcelTable parcel={parcel} onRemove={(serial) => setParcel((units) => units.filter((u) => u.serial !== serial))} />
                )}
              </Paper>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <ShippedUnits order={order} />
            <EarlierReturns returns={earlier.value ?? []} />
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  )
}

function ParcelTable({ parcel, onRemove }: { parcel: ReturnCheck[]; onRemove: (serial: string) => void }) {
  return (
    <Table fz="lg" aria-label="Returned units">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Serial</Table.Th>
          <Table.Th>Result</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {parcel.map((u) => (
          <Table.Tr key={u.serial} data-flag={u.flag ?? 'ok'}>
            <Table.Td className="mono">{u.serial}</Table.Td>
            <Table.Td>
              {u.flag ? (
                <Stack gap={2}>
                  <Badge color={u.flag === 'already_returned' ? 'grape' : u.flag === 'not_in_order' ? 'orange' : 'red'} size="lg" variant="filled">
                    {FLAG_LABEL[u.flag]}
                  </Badge>
                  <Text size="md">{u.message}</Text>
                </Stack>
              ) : (
                <Badge color="green" size="lg" variant="filled">
                  Shipped in this order
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Button variant="subtle" color="gray" onClick={() => onRemove(u.serial)} aria-label={`Take ${u.serial} out of the parcel`}>
                Remove
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

function ShippedUnits({ order }: { order: OrderDetail }) {
  const units = order.boxes.filter((b) => b.status !== 'voided').flatMap((b) => b.units.map((u) => ({ ...u, box: b.number })))
  return (
    <Paper withBorder p="md" mb="md">
      <Title order={4}>Shipped in this order</Title>
      <Text c="dimmed">
        {order.carrier} · {order.service}, tracking <span className="mono">{order.trackingNumber}</span>
        {order.shippedAt ? `, ${when(order.shippedAt)}` : ''}
      </Text>
      <Table fz="md" aria-label="Shipped units" mt="xs">
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td className="mono">{[u.serial, u.serial2].filter(Boolean).join(' / ') || 'non-serialized'}</Table.Td>
              <Table.Td>box {u.box}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

function EarlierReturns({ returns }: { returns: ReturnRecord[] }) {
  if (returns.length === 0) return null
  return (
    <Paper withBorder p="md">
      <Title order={4}>Returns recorded</Title>
      {returns.map((r) => (
        <Stack key={r.id} gap={0} mt="xs">
          <Text fw={700}>
            {when(r.receivedAt)} · {r.receivedBy}
          </Text>
          {r.units.map((u) => (
            <Text key={u.serial} className="mono" c={u.flag ? 'red.8' : undefined}>
              {u.serial}
              {u.flag ? ` — ${FLAG_LABEL[u.flag]}` : ''}
            </Text>
          ))}
          {r.note && <Text c="dimmed">{r.note}</Text>}
        </Stack>
      ))}
    </Paper>
  )
}
