// Serial ports: what the station can list, and where the configured scanner
// is now. A USB scanner is remembered by vendor id, product id and serial
// number, because its COMx / ttyACMx name can change between plug-ins; a
// port without USB ids (RS-232, a pseudo-terminal) is remembered by its path.
import { existsSync, realpathSync } from 'node:fs'
import { SerialPort } from 'serialport'
import type { SerialDevice, SerialPortInfo } from '../../../shared/scanners'

type ListedPort = Awaited<ReturnType<typeof SerialPort.list>>[number]
export type ListPorts = () => Promise<ListedPort[]>

const lower = (s: string | undefined | null) => (s ? s.toLowerCase() : null)

export async function listSerialPorts(list: ListPorts = () => SerialPort.list()): Promise<SerialPortInfo[]> {
  const ports = await list()
  return ports.map((p) => ({
    path: p.path,
    manufacturer: p.manufacturer ?? null,
    vendorId: lower(p.vendorId),
    productId: lower(p.productId),
    serialNumber: p.serialNumber ?? null
  }))
}

export const hasUsbIds = (device: SerialDevice) => device.vendorId !== null && device.productId !== null

export function serialDeviceId(device: SerialDevice): string {
  if (!hasUsbIds(device)) return `serial:${device.path}`
  return `serial:${device.vendorId}:${device.productId}${device.serialNumber ? `:${device.serialNumber}` : ''}`
}

export function describeSerialDevice(device: SerialDevice, manufacturer?: string | null): string {
  if (!hasUsbIds(device)) return device.path
  const ids = `${device.vendorId}:${device.productId}${device.serialNumber ? ` #${device.serialNumber}` : ''}`
  return manufacturer ? `${manufacturer} ${ids}` : `USB ${ids}`
}

/**
 * Where the configured scanner is now: the path of the port with its USB ids
 * (the remembered path first when two match), or — for a path-only device —
 * the path's real target when it exists (so a re-created link counts as a new port).
 */
export async function locateSerialDevice(device: SerialDevice, list: ListPorts = () => SerialPort.list()): Promise<string | null> {
  if (!hasUsbIds(device)) {
    if (!existsSync(device.path)) return null
    try {
      return realpathSync(device.path)
    } catch {
      return null
    }
  }
  const matches = (await list()).filter(
    (p) =>
      lower(p.vendorId) === device.vendorId &&
      lower(p.productId) === device.productId &&
      (device.serialNumber === null || p.serialNumber === device.serialNumber)
  )
  return (matches.find((p) => p.path === device.path) ?? matches[0])?.path ?? null
}
