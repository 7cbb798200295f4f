// HID devices: what the station lists, and where the configured scanner is
// now (matched by vendor id, product id, serial number and usage page, since
// its path changes between plug-ins).
import type { HidDevice, HidDeviceInfo } from '../../../shared/scanners'
import { HID_POS_USAGE_PAGE } from './hidPos'
import { loadNodeHid } from './nodeHid'

type Listed = Awaited<ReturnType<Awaited<ReturnType<typeof loadNodeHid>>['devicesAsync']>>[number]
export type ListHid = () => Promise<Listed[]>

const defaultList: ListHid = async () => (await loadNodeHid()).devicesAsync()

const hex4 = (n: number) => n.toString(16).padStart(4, '0')

export function kindOf(usagePage: number | null | undefined, usage: number | null | undefined): HidDeviceInfo['kind'] {
  if (usagePage === HID_POS_USAGE_PAGE) return 'pos'
  if (usagePage === 0x01 && usage === 0x06) return 'keyboard'
  return 'other'
}

export async function listHidDevices(list: ListHid = defaultList): Promise<HidDeviceInfo[]> {
  const devices = await list()
  return devices
    .filter((d): d is Listed & { path: string } => typeof d.path === 'string' && d.path.length > 0)
    .map((d) => ({
      path: d.path,
      vendorId: d.vendorId,
      productId: d.productId,
      serialNumber: d.serialNumber || null,
      usagePage: d.usagePage ?? null,
      usage: d.usage ?? null,
      manufacturer: d.manufacturer || null,
      product: d.product || null,
      kind: kindOf(d.usagePage, d.usage)
    }))
}

export function hidDeviceId(device: HidDevice): string {
  return `hid:${hex4(device.vendorId)}:${hex4(device.productId)}${device.serialNumber ? `:${device.serialNumber}` : ''}`
}

export const describeHidDevice = (device: HidDevice) =>
  `HID ${hex4(device.vendorId)}:${hex4(device.productId)}${device.serialNumber ? ` #${device.serialNumber}` : ''}`

export async function locateHidDevice(device: HidDevice, list: ListHid = defaultList): Promise<string | null> {
  const matches = (await list()).filter(
    (d) =>
      d.vendorId === device.vendorId &&
      d.productId === device.productId &&
      (device.serialNumber === null || (d.serialNumber || null) === device.serialNumber) &&
      (device.usagePage === null || d.usagePage === device.usagePage) &&
      typeof d.path === 'string'
  )
  return (matches.find((d) => d.path === device.path) ?? matches[0])?.path ?? null
}
