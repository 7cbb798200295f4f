// The reconnect loop with a driver the test controls: waiting while the
// device is absent, an error with the reason and retries with backoff while
// it cannot be opened, connected, and back to waiting when the link is lost
// or the device list no longer has it.
import { afterEach, describe, expect, it } from 'vitest'
import type { ConnectionState } from '../../src/shared/scanners'
import { supervise, type DeviceDriver, type Supervisor } from '../../src/main/devices/supervisor'

const running: Supervisor[] = []
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop()
})

async function until(what: string, check: () => boolean, timeoutMs = 3000) {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 5))
  }
}

function fakeDevice() {
  const device = { where: null as string | null, openError: null as Error | null, opens: 0, closes: 0, loseLink: (_reason: string) => {} }
  const driver: DeviceDriver<string> = {
    locate: async () => device.where,
    connect: async (_where) => {
      device.opens++
      if (device.openError) throw device.openError
      return {
        lost: new Promise<string>((resolve) => (device.loseLink = resolve)),
        close: async () => void device.closes++
      }
    },
    describeError: (error, where) => `cannot open ${where}: ${(error as Error).message}`,
    describeConnected: (where) => `connected on ${where}`,
    describeWaiting: (reason) => `waiting${reason ? ` (${reason})` : ''}`
  }
  const states: [ConnectionState, string][] = []
  const start = () => running.push(supervise(driver, { pollMs: 10, backoffMs: [10, 20, 40], onState: (s, m) => states.push([s, m]) }))
  return { device, states, start, last: () => states.at(-1)?.[0] }
}

describe('supervise', () => {
  it('waits for the device, reports the open error while it persists, then connects', async () => {
    const { device, states, start, last } = fakeDevice()
    start()
    await until('waiting', () => last() === 'waiting')
    device.where = '/dev/ttyACM0'
    device.openError = new Error('Permission denied')
    await until('error', () => last() === 'error')
    await until('three tries', () => device.opens >= 3)
    device.openError = null
    await until('connected', () => last() === 'connected')
    expect(states).toEqual([
      ['waiting', 'waiting'],
      ['error', 'cannot open /dev/ttyACM0: Permission denied'],
      ['connected', 'connected on /dev/ttyACM0']
    ])
  })

  it('a lost link (close/error event) goes to waiting, closes the link, and reopens', async () => {
    const { device, start, last, states } = fakeDevice()
    device.where = 'COM4'
    start()
    await until('connected', () => last() === 'connected')
    device.loseLink('unplugged')
    await until('waiting', () => last() === 'waiting')
    expect(states.at(-1)).toEqual(['waiting', 'waiting (unplugged)'])
    expect(device.closes).toBe(1)
    await until('connected again', () => last() === 'connected')
    expect(device.opens).toBe(2)
  })

  it('polling sees an unplug the link never reported, and a device that re-appeared elsewhere', async () => {
    const { device, start, last, states } = fakeDevice()
    device.where = '/dev/ttyACM0'
    start()
    await until('connected', () => last() === 'connected')
    device.where = null
    await until('waiting', () => last() === 'waiting')
    expect(states.at(-1)).toEqual(['waiting', 'waiting (unplugged)'])
    device.where = '/dev/ttyACM1'
    await until('connected on the new port', () => states.at(-1)?.[1] === 'connected on /dev/ttyACM1')
    device.where = '/dev/ttyACM2'
    await until('moved', () => states.some(([, m]) => m === 'waiting (moved to another port)'))
  })

  it('stop closes the open link and reports nothing more', async () => {
    const { device, start, states, last } = fakeDevice()
    device.where = 'COM4'
    start()
    await until('connected', () => last() === 'connected')
    await running.pop()!.stop()
    const count = states.length
    device.loseLink('unplugged')
    await new Promise((r) => setTimeout(r, 50))
    expect(device.closes).toBe(1)
    expect(states).toHaveLength(count)
  })
})
