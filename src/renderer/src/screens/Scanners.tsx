import { useEffect, useState } from 'react'
import { Alert, Badge, Button, Grid, Group, NumberInput, Paper, SegmentedControl, Select, Stack, Switch, TagsInput, Text, TextInput, Title } from '@mantine/core'
import {
  BAUD_RATES,
  type HidDeviceInfo,
  type HidMode,
  type ScannerDevices,
  type ScannerSettings,
  type SerialDevice,
  type SerialSuffix,
  type TestedScan
} from '../../../shared/channels/scanners'
import { station } from '../api'
import { STATE_COLOUR, STATE_WORDS, useScannerStatus } from '../components/ScannerStatus'
import { useApproval } from '../components/useApproval'
import { useScanStream } from '../deviceScans'

const OTHER = '__other__'
const SAVED = '__saved__'
const hex4 = (n: number) => n.toString(16).padStart(4, '0')

type SerialForm = { enabled: boolean; port: string; otherPath: string; saved: SerialDevice | null; baudRate: string; suffix: SerialSuffix; timeoutMs: number }
type HidForm = { enabled: boolean; path: string | null; mode: HidMode }

const sameUsb = (d: SerialDevice, p: ScannerDevices['serialPorts'][number]) =>
  d.vendorId !== null && d.vendorId === p.vendorId && d.productId === p.productId && (d.serialNumber === null || d.serialNumber === p.serialNumber)

function serialForm(settings: ScannerSettings, devices: ScannerDevices): SerialForm {
  const s = settings.serial
  const base = { baudRate: String(s?.baudRate ?? 9600), suffix: s?.suffix ?? 'cr', timeoutMs: s?.interByteTimeoutMs ?? 50, saved: s?.device ?? null }
  if (!s) return { ...base, enabled: false, port: '', otherPath: '' }
  const d = s.device
  const listed = devices.serialPorts.find((p) => sameUsb(d, p)) ?? devices.serialPorts.find((p) => d.vendorId === null && p.path === d.path)
  if (listed) return { ...base, enabled: true, port: listed.path, otherPath: '' }
  if (d.vendorId !== null) return { ...base, enabled: true, port: SAVED, otherPath: '' }
  return { ...base, enabled: true, port: OTHER, otherPath: d.path }
}

const hidLabel = (d: HidDeviceInfo) =>
  `${[d.manufacturer, d.product].filter(Boolean).join(' ') || 'HID device'} · ${hex4(d.vendorId)}:${hex4(d.productId)}${d.serialNumber ? ` #${d.serialNumber}` : ''} · ${
    d.kind === 'pos' ? 'HID POS scanner' : d.kind === 'keyboard' ? 'keyboard' : `usage page 0x${(d.usagePage ?? 0).toString(16)}`
  }`

/**
 * Scanners (SPEC §8): the keyboard wedge's prefixes/suffixes, the serial and
 * HID scanner, their connection state, and a Test scan area that shows the
 * last scan raw and decoded. Scans arriving here are shown, never applied.
 * Saving needs a shift lead's badge and PIN.
 */
export function Scanners() {
  const statuses = useScannerStatus()
  const [devices, setDevices] = useState<ScannerDevices | null>(null)
  const [keyboard, setKeyboard] = useState<ScannerSettings['keyboard']>({ prefixes: [], suffixes: [] })
  const [serial, setSerial] = useState<SerialForm | null>(null)
  const [hid, setHid] = useState<HidForm>({ enabled: false, path: null, mode: 'pos' })
  const [savedHid, setSavedHid] = useState<ScannerSettings['hid']>(null)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [last, setLast] = useState<TestedScan | null>(null)
  const [testInput, setTestInput] = useState('')
  const approval = useApproval()

  const refresh = async () => {
    const [settings, listed] = await Promise.all([station.scanners.settings(), station.scanners.list()])
    setDevices(listed)
    setKeyboard(settings.keyboard)
    setSerial(serialForm(settings, listed))
    setSavedHid(settings.hid)
    setHid({ enabled: settings.hid !== null, path: settings.hid?.device.path ?? null, mode: settings.hid?.mode ?? 'pos' })
  }
  useEffect(() => {
    refresh().catch((e: Error) => setMessage({ ok: false, text: e.message }))
    station.scanners.lastScan().then(setLast, () => {})
  }, [])

  // This screen takes device scans for the Test scan area: shown, never applied to an order.
  useScanStream(async () => setLast(await station.scanners.lastScan()))

  if (!devices || !serial) return message ? <Alert color="red">{message.text}</Alert> : null

  const serialDevice = (): SerialDevice | null => {
    if (serial.port === OTHER) return { path: serial.otherPath.trim(), vendorId: null, productId: null, serialNumber: null }
    if (serial.port === SAVED) return serial.saved
    const p = devices.serialPorts.find((x) => x.path === serial.port)
    return p ? { path: p.path, vendorId: p.vendorId, productId: p.productId, serialNumber: p.vendorId ? p.serialNumber : null } : null
  }

  const save = () => {
    setMessage(null)
    const device = serial.enabled ? serialDevice() : null
    if (serial.enabled && (!device || !device.path)) return setMessage({ ok: false, text: 'Choose the serial port, or type its path, then Save.' })
    const hidDevice = hid.enabled ? (devices.hidDevices.find((d) => d.path === hid.path) ?? (savedHid?.device.path === hid.path ? savedHid?.device : undefined)) : null
    if (hid.enabled && !hidDevice) return setMessage({ ok: false, text: 'Choose the HID scanner from the list, then Save.' })
    approval.ask('change the scanner settings', async (a) => {
      await station.scanners.save({
        keyboard,
        serial: device ? { device, baudRate: Number(serial.baudRate), suffix: serial.suffix, interByteTimeoutMs: serial.timeoutMs } : null,
        hid: hidDevice
          ? { device: { path: hidDevice.path, vendorId: hidDevice.vendorId, productId: hidDevice.productId, serialNumber: hidDevice.serialNumber, usagePage: hidDevice.usagePage }, mode: hid.mode }
          : null,
        approval: a
      })
      setMessage({ ok: true, text: 'Scanner settings saved.' })
      // Saved already: a device list that fails to load now is not a failed save.
      await refresh().catch((e: Error) => setMessage({ ok: false, text: e.message }))
    })
  }

  const portOptions = [
    ...devices.serialPorts.map((p) => ({
      value: p.path,
      label: `${p.path}${p.manufacturer ? ` · ${p.manufacturer}` : ''}${p.vendorId ? ` · ${p.vendorId}:${p.productId}` : ''}${p.serialNumber ? ` #${p.serialNumber}` : ''}`
    })),
    ...(serial.port === SAVED && serial.saved ? [{ value: SAVED, label: `Saved scanner ${serial.saved.vendorId}:${serial.saved.productId} (not plugged in)` }] : []),
    { value: OTHER, label: 'Other port: type its path' }
  ]
  const hidOptions = devices.hidDevices.map((d) => ({ value: d.path, label: hidLabel(d) }))
  if (hid.path && savedHid && !hidOptions.some((o) => o.value === hid.path)) hidOptions.push({ value: hid.path, label: 'Saved HID scanner (not plugged in)' })

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>Scanners</Title>
        <Button variant="light" size="lg" onClick={() => refresh().catch((e: Error) => setMessage({ ok: false, text: e.message }))}>
          Refresh device list
        </Button>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg">
              <Title order={2} mb="xs">
                Keyboard wedge
              </Title>
              <Text size="lg" mb="md">
                Most USB scanners type like a keyboard into the focused scan field. Prefixes and suffixes set here are stripped from every scan.
              </Text>
              <Group grow align="start">
                <TagsInput size="lg" label="Prefixes to strip" placeholder="Type and press Enter" value={keyboard.prefixes} onChange={(prefixes) => setKeyboard({ ...keyboard, prefixes })} />
                <TagsInput size="lg" label="Suffixes to strip" placeholder="Type and press Enter" value={keyboard.suffixes} onChange={(suffixes) => setKeyboard({ ...keyboard, suffixes })} />
              </Group>
            </Paper>

            <Paper withBorder p="lg">
              <Group justify="space-between" mb="md">
                <Title order={2}>Serial scanner</Title>
                <Switch size="lg" label="Use a serial scanner" checked={serial.enabled} onChange={(e) => setSerial({ ...serial, enabled: e.currentTarget.checked })} />
              </Group>
              {devices.serialProblem && <Alert color="orange" mb="md">{devices.serialProblem}</Alert>}
              <Stack gap="md" style={{ opacity: serial.enabled ? 1 : 0.5 }}>
                <Select size="lg" label="Port" placeholder="Choose the scanner's port" data={portOptions} value={serial.port || null} disabled={!serial.enabled} onChange={(v) => setSerial({ ...serial, port: v ?? '' })} />
                {serial.port === OTHER && (
                  <TextInput size="lg" label="Port path" placeholder="COM5 or /dev/ttyS0" classNames={{ input: 'mono' }} value={serial.otherPath} disabled={!serial.enabled} onChange={(e) => setSerial({ ...serial, otherPath: e.currentTarget.value })} />
                )}
                <Group grow align="start">
                  <Select size="lg" label="Baud rate" data={BAUD_RATES.map(String)} value={serial.baudRate} disabled={!serial.enabled} onChange={(v) => setSerial({ ...serial, baudRate: v ?? '9600' })} allowDeselect={false} />
                  {serial.suffix === 'timeout' && (
                    <NumberInput size="lg" label="Pause that ends a scan (ms)" min={10} max={2000} value={serial.timeoutMs} disabled={!serial.enabled} onChange={(v) => setSerial({ ...serial, timeoutMs: Number(v) || 50 })} />
                  )}
                </Group>
                <div>
                  <Text fw={600} size="lg" mb={4}>
                    A scan ends with
                  </Text>
                  <SegmentedControl
                    size="lg"
                    aria-label="A scan ends with"
                    disabled={!serial.enabled}
                    value={serial.suffix}
                    onChange={(v) => setSerial({ ...serial, suffix: v as SerialSuffix })}
                    data={[
                      { value: 'cr', label: 'CR' },
                      { value: 'lf', label: 'LF' },
                      { value: 'crlf', label: 'CR LF' },
                      { value: 'timeout', label: 'A pause (no suffix)' }
                    ]}
                  />
                </div>
              </Stack>
            </Paper>

            <Paper withBorder p="lg">
              <Group justify="space-between" mb="md">
                <Title order={2}>HID scanner</Title>
                <Switch size="lg" label="Use a HID scanner" checked={hid.enabled} onChange={(e) => setHid({ ...hid, enabled: e.currentTarget.checked })} />
              </Group>
              {devices.hidProblem && <Alert color="orange" mb="md">{devices.hidProblem}</Alert>}
              <Stack gap="md" style={{ opacity: hid.enabled ? 1 : 0.5 }}>
                <Select
                  size="lg"
                  label="Device"
                  placeholder={hidOptions.length ? 'Choose the scanner' : 'No HID devices found'}
                  data={hidOptions}
                  value={hid.path}
                  disabled={!hid.enabled}
                  onChange={(path) => {
                    const kind = devices.hidDevices.find((d) => d.path === path)?.kind
                    setHid({ ...hid, path, mode: kind === 'keyboard' ? 'keyboard' : 'pos' })
                  }}
                />
                <SegmentedControl
                  size="lg"
                  aria-label="HID reports"
                  disabled={!hid.enabled}
                  value={hid.mode}
                  onChange={(v) => setHid({ ...hid, mode: v as HidMode })}
                  data={[
                    { value: 'pos', label: 'HID POS barcode reports' },
                    { value: 'keyboard', label: 'Keyboard reports' }
                  ]}
                />
              </Stack>
            </Paper>

            <Group>
              <Button size="xl" onClick={save}>
                Save
              </Button>
              {message && (
                <Alert color={message.ok ? 'green' : 'red'} role="alert" aria-label={message.ok ? 'Saved' : 'Not saved'} style={{ flex: 1 }}>
                  <Text size="lg">{message.text}</Text>
                </Alert>
              )}
            </Group>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            <Paper withBorder p="lg" aria-label="Connection">
              <Title order={2} mb="md">
                Connection
              </Title>
              <Stack gap="md">
                {statuses.map((s) => (
                  <div key={s.source} data-scanner={s.source} data-state={s.state}>
                    <Group gap="sm">
                      <Text fz="xl" fw={700}>
                        {s.label}
                      </Text>
                      <Badge size="xl" color={STATE_COLOUR[s.state]}>
                        {STATE_WORDS[s.state]}
                      </Badge>
                    </Group>
                    <Text size="lg" c={s.state === 'error' ? 'red.8' : undefined} style={{ wordBreak: 'break-word' }}>
                      {s.message}
                    </Text>
                  </div>
                ))}
              </Stack>
            </Paper>

            <Paper withBorder p="lg" aria-label="Test scan">
              <Title order={2} mb="xs">
                Test scan
              </Title>
              <Text size="lg" mb="md">
                Scan a barcode with any scanner. A keyboard-wedge scanner types into this field.
              </Text>
              <form
                onSubmit={async (e) => {
                  e.preventDefault()
                  const raw = testInput
                  setTestInput('')
                  if (raw) setLast(await station.scanners.testScan({ raw }))
                }}
              >
                <TextInput size="lg" className="serial-input" label="Keyboard-wedge test" value={testInput} onChange={(e) => setTestInput(e.currentTarget.value)} autoComplete="off" spellCheck={false} />
              </form>
              {last ? (
                <Stack gap={4} mt="md" aria-label="Last scan">
                  <Text size="lg">
                    <b>From</b> {last.device} ({last.source}){last.symbology ? ` · symbology ${last.symbology}` : ''} · {new Date(last.at).toLocaleTimeString()}
                  </Text>
                  <Text size="lg" fw={700}>Raw</Text>
                  <Text fz="xl" className="mono" aria-label="Raw" style={{ wordBreak: 'break-all' }}>{last.raw}</Text>
                  <Text size="lg" fw={700}>Decoded</Text>
                  <Text fz="xl" className="mono" aria-label="Decoded" style={{ wordBreak: 'break-all' }}>{last.data}</Text>
                  {last.cleaned !== last.data && (
                    <>
                      <Text size="lg" fw={700}>After prefix/suffix stripping</Text>
                      <Text fz="xl" className="mono" aria-label="After stripping" style={{ wordBreak: 'break-all' }}>{last.cleaned}</Text>
                    </>
                  )}
                </Stack>
              ) : (
                <Text c="dimmed" size="lg" mt="md">
                  No scan yet.
                </Text>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      {approval.dialog}
    </Stack>
  )
}
