// Finding the configured scanner again after a replug: by USB vendor id,
// product id and serial number (its COMx / ttyACMx name may change), by path
// for a port without USB ids; and the operator's sentences for open failures.
import { describe, expect, it } from 'vitest'
import { english } from '../../src/main/core/errors'
import { describeHidError } from '../../src/main/devices/hid/hidScanner'
import { hidDeviceId, kindOf, listHidDevices, locateHidDevice } from '../../src/main/devices/hid/hidDevices'
import { describeSerialError } from '../../src/main/devices/serial/serialErrors'
import { listSerialPorts, locateSerialDevice, serialDeviceId } from '../../src/main/devices/serial/serialPorts'

const port = (path: string, vendorId?: string, productId?: string, serialNumber?: string) => ({
  path,
  manufacturer: vendorId ? 'Honeywell' : undefined,
  serialNumber,
  pnpId: undefined,
  locationId: undefined,
  vendorId,
  productId
})

describe('serial ports', () => {
  const scanner = { path: '/dev/ttyACM0', vendorId: '0c2e', productId: '0b61', serialNumber: '19012B1C' }

  it('finds a USB scanner by its ids wherever it is now, not by its old name', async () => {
    const list = async () => [port('/dev/ttyS0'), port('/dev/ttyACM3', '0C2E', '0B61', '19012B1C')]
    expect(await locateSerialDevice(scanner, list)).toBe('/dev/ttyACM3')
  })

  it('two scanners of one model: the serial number tells them apart; the remembered path wins a tie', async () => {
    const list = async () => [port('/dev/ttyACM0', '0c2e', '0b61', 'OTHER'), port('/dev/ttyACM1', '0c2e', '0b61', '19012B1C')]
    expect(await locateSerialDevice(scanner, list)).toBe('/dev/ttyACM1')
    const noSerial = { ...scanner, serialNumber: null, path: '/dev/ttyACM1' }
    expect(await locateSerialDevice(noSerial, list)).toBe('/dev/ttyACM1')
  })

  it('unplugged: not found, even when another port now has its old name', async () => {
    const list = async () => [port('/dev/ttyACM0', '067b', '2303')]
    expect(await locateSerialDevice(scanner, list)).toBeNull()
  })

  it('a port without USB ids is found by its path', async () => {
    expect(await locateSerialDevice({ path: '/dev/null', vendorId: null, productId: null, serialNumber: null })).toBe('/dev/null')
    expect(await locateSerialDevice({ path: '/dev/ps-no-such-port', vendorId: null, productId: null, serialNumber: null })).toBeNull()
  })

  it('lists ports with lower-case ids; the device id names the USB ids, or the path', async () => {
    expect(await listSerialPorts(async () => [port('COM4', '0C2E', '0B61', 'X1')])).toEqual([
      { path: 'COM4', manufacturer: 'Honeywell', vendorId: '0c2e', productId: '0b61', serialNumber: 'X1' }
    ])
    expect(serialDeviceId(scanner)).toBe('serial:0c2e:0b61:19012B1C')
    expect(serialDeviceId({ path: 'COM1', vendorId: null, productId: null, serialNumber: null })).toBe('serial:COM1')
  })

  it.each([
    [
      'Error: Permission denied, cannot open /dev/ttyACM0',
      'linux',
      /dialout group .* udev rule resources\/udev\/60-packing-station-scanners\.rules/
    ],
    ['Opening COM4: Access denied', 'win32', /in use by another program/],
    ['Error Resource temporarily unavailable Cannot lock port', 'linux', /in use by another program/],
    ['Error: Inappropriate ioctl for device, cannot open /tmp/x', 'linux', /^Cannot use \/dev\/x: Inappropriate ioctl/]
  ] as const)('says what to do about "%s"', (message, platform, expected) => {
    expect(english(describeSerialError(new Error(message), '/dev/x', platform))).toMatch(expected)
  })
})

describe('HID devices', () => {
  const listed = [
    {
      vendorId: 0x0c2e,
      productId: 0x0b61,
      path: '/dev/hidraw2',
      serialNumber: 'S1',
      usagePage: 0x01,
      usage: 0x06,
      release: 1,
      interface: 0,
      manufacturer: 'Honeywell',
      product: '1950g'
    },
    {
      vendorId: 0x0c2e,
      productId: 0x0b61,
      path: '/dev/hidraw3',
      serialNumber: 'S1',
      usagePage: 0x8c,
      usage: 0x02,
      release: 1,
      interface: 1,
      manufacturer: 'Honeywell',
      product: '1950g'
    },
    { vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw0', serialNumber: '', usagePage: 0x0c, usage: 0x01, release: 1, interface: 0 }
  ]
  const list = async () => listed

  it('lists devices with what they look like: HID POS, keyboard, other', async () => {
    const devices = await listHidDevices(list)
    expect(devices.map((d) => [d.path, d.kind, d.serialNumber])).toEqual([
      ['/dev/hidraw2', 'keyboard', 'S1'],
      ['/dev/hidraw3', 'pos', 'S1'],
      ['/dev/hidraw0', 'other', null]
    ])
    expect(kindOf(0x8c, 0x02)).toBe('pos')
  })

  it('finds the scanner by ids and usage page after it moved to another hidraw node', async () => {
    const saved = { path: '/dev/hidraw7', vendorId: 0x0c2e, productId: 0x0b61, serialNumber: 'S1', usagePage: 0x8c }
    expect(await locateHidDevice(saved, list)).toBe('/dev/hidraw3')
    expect(await locateHidDevice({ ...saved, serialNumber: 'S2' }, list)).toBeNull()
    expect(hidDeviceId(saved)).toBe('hid:0c2e:0b61:S1')
  })

  it('a HID open refused on Linux points at the udev rule', () => {
    expect(english(describeHidError(new Error('cannot open device with path /dev/hidraw3'), 'HID 0c2e:0b61', 'linux'))).toMatch(
      /udev rule resources\/udev\//
    )
    expect(english(describeHidError(new Error('could not open device'), 'HID 0c2e:0b61', 'win32'))).toMatch(/keyboard-wedge mode/)
  })
})
