import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Grid, Group, Kbd, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import type { OrderDetail } from '../../../shared/schemas'
import { station } from '../api'
import { BoxesList } from '../components/BoxesList'
import { CountValue } from '../components/CountValue'
import { LinesTable } from '../components/LinesTable'
import { beep, ScanFeedback, type Feedback } from '../components/ScanFeedback'
import { OrderHeader } from '../components/OrderHeader'
import { useScanStream } from '../deviceScans'
import type { Navigate } from './routes'

/**
 * Used Scan (SPEC §3), serialized: the Serial field keeps the focus; each
 * scan ends with Enter and is committed before "OK" shows. Save (or F8)
 * puts the units scanned since the last box into a box; Save again confirms it.
 */
export function UsedScan({ orderId, navigate }: { orderId: number; navigate: Navigate }) {
  const [order, setOrder] = useState<OrderDetail | null>(null)
  const [serial, setSerial] = useState('')
  const [lineId, setLineId] = useState<string | null>(null)
  const [feedback, setFeedback] = useState<Feedback>(null)
  const [busy, setBusy] = useState(false)
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    station.orders.get({ orderId }).then(setOrder, (e: Error) => setFeedback({ outcome: 'error', message: e.message }))
  }, [orderId])

  const focusSerial = () => setTimeout(() => input.current?.focus(), 0)

  const scan = async (typed = serial) => {
    const raw = typed
    setSerial('')
    if (!raw.trim() || busy) return focusSerial()
    setBusy(true)
    try {
      const result = await station.scanning.scan({ orderId, input: raw, orderLineId: lineId ? Number(lineId) : undefined })
      setOrder(result.order)
      setFeedback({ outcome: result.outcome, message: result.outcome === 'accepted' ? `${result.serial} scanned` : result.message })
      beep(result.outcome === 'accepted')
    } catch (e) {
      setFeedback({ outcome: 'error', message: (e as Error).message })
      beep(false)
    } finally {
      setBusy(false)
      focusSerial()
    }
  }

  const save = async () => {
    try {
      const result = await station.packing.save({ orderId })
      setOrder(result.order)
      setFeedback({ outcome: 'info', message: result.message })
      beep(true)
    } catch (e) {
      setFeedback({ outcome: 'error', message: (e as Error).message })
      beep(false)
    } finally {
      focusSerial()
    }
  }

  // Serial and HID scanners: each scan as if typed into the Serial field and Enter pressed.
  useScanStream((device) => scan(device.data))

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F8') {
        e.preventDefault()
        void save()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  if (!order) return feedback ? <Alert color="red">{feedback.message}</Alert> : null
  const serialLines = order.lines.filter((l) => l.serialized)
  const scanCount = serialLines.reduce((n, l) => n + l.scanCount, 0)
  const pendingCount = serialLines.reduce((n, l) => n + l.pendingCount, 0)
  const savedBox = order.boxes.find((b) => b.status === 'saved')

  return (
    <Stack>
      <OrderHeader
        order={order}
        title={`Used Scan · ${order.orderNumber}`}
        back={{ label: 'Order', go: () => navigate({ screen: 'order', orderId }) }}
        detail={
          <Text c="dimmed" className="mono">
            {order.channel} {order.channelOrderId}
          </Text>
        }
        actions={
          <Button variant="light" size="lg" onClick={() => navigate({ screen: 'confirm', orderId })}>
            Packing Confirmation
          </Button>
        }
      />

      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <Group align="end">
              <SegmentedControl
                size="md"
                aria-label="Scan mode"
                value="serialized"
                data={[
                  { value: 'serialized', label: 'Serialized' },
                  { value: 'non-serialized', label: 'Non-Serialized', disabled: true }
                ]}
              />
              <Select
                label="Line"
                size="md"
                w={420}
                value={lineId}
                onChange={(v) => {
                  setLineId(v)
                  focusSerial()
                }}
                placeholder="Any line (found from the IMEI)"
                clearable
                data={serialLines.map((l) => ({ value: String(l.id), label: `${l.lineId} · ${l.productName}` }))}
              />
            </Group>
            <form
              onSubmit={(e) => {
                e.preventDefault()
                void scan()
              }}
            >
              <TextInput
                ref={input}
                className="serial-input"
                label="Serial"
                value={serial}
                onChange={(e) => setSerial(e.currentTarget.value)}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                onBlur={() => {
                  // Keep the cursor in the serial field unless the operator is using another control.
                  setTimeout(() => {
                    const active = document.activeElement
                    if (!active || active === document.body) input.current?.focus()
                  }, 0)
                }}
              />
            </form>
            <ScanFeedback feedback={feedback} />
            <Group grow>
              <Paper withBorder p="md">
                <CountValue id="scan-count" label="Scan Count" value={scanCount} />
              </Paper>
              <Paper withBorder p="md">
                <CountValue id="pending-count" label="Pending Count" value={pendingCount} />
              </Paper>
              <Paper withBorder p="md">
                <Text className="count-label">Not in a box</Text>
                <Text className="count-value">{order.looseUnits.length}</Text>
              </Paper>
            </Group>
            <Group>
              <Button size="xl" color={savedBox ? 'green' : 'blue'} onClick={save}>
                Save
              </Button>
              <Text size="lg">
                <Kbd>F8</Kbd>{' '}
                {savedBox ? `Box ${savedBox.number} is saved: press Save again to confirm it.` : 'Save puts the units scanned since the last box into a new box.'}
              </Text>
            </Group>
            <Paper withBorder p="md">
              <LinesTable lines={serialLines} activeLineId={lineId ? Number(lineId) : null} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack>
            <Title order={3}>Scanned since the last box</Title>
            {order.looseUnits.length === 0 ? (
              <Text c="dimmed">Nothing yet.</Text>
            ) : (
              <Paper withBorder p="sm" aria-label="Scanned since the last box">
                {[...order.looseUnits].reverse().map((u) => (
                  <Text key={u.id} className="mono" size="lg">
                    {u.serial}
                  </Text>
                ))}
              </Paper>
            )}
            <Title order={3}>Boxes</Title>
            <BoxesList boxes={order.boxes} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
