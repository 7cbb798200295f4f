// One simulated packing station: a real station process with its own data
// folder, the real station core behind the role table (openStation), and no
// window. The warehouse simulation forks it with `--import tsx` and drives it
// over the IPC channel the way a host does: every call goes through
// dispatch(), so validation and roles apply exactly as for the screens.
//
//   node --import tsx tools/sim/stationProcess.ts --data-dir DIR
//
// The OMS address and token are set through the first-run guide's channels
// by the simulation; only the sync's timing (not on any screen) is written
// here, so events reach the OMS within a second (SIM_SYNC).
import { parseArgs } from 'node:util'
import { dispatch } from '../../src/main/core/dispatch'
import { writeSyncSetting } from '../../src/main/core/sync/syncSettings'
import { openStation, type Station } from '../../src/main/station'
import { auditStation } from './audit'
import { SIM_SYNC, type FromStation, type ToStation } from './protocol'

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' } } })
const dataDir = values['data-dir']

const tell = (message: FromStation) => {
  if (process.connected) process.send!(message)
}

function start(): Station {
  const station = openStation({ dataDir: dataDir!, program: 'warehouse simulation' })
  writeSyncSetting(station.connection.db, 'oms', SIM_SYNC)
  return station
}

if (!dataDir || !process.send) {
  console.error('usage: forked by tools/sim with --data-dir DIR (and an IPC channel)')
  process.exit(2)
}

let station: Station
try {
  station = start()
} catch (error) {
  tell({ kind: 'failed', message: (error as Error).message })
  process.exit(1)
}
const info = await dispatch(station.handlers, 'app:info', {}, () => {})
const stationId = info.ok ? (info.value as { stationId: string }).stationId : 'unknown'

process.on('message', (message: ToStation) => {
  void answer(message)
})
// The simulation went away: a station never outlives it.
process.on('disconnect', () => {
  station.close()
  process.exit(0)
})

async function answer(message: ToStation): Promise<void> {
  if (message.kind === 'call') {
    const envelope = await dispatch(station.handlers, message.channel, message.args, () => {})
    tell({ kind: 'answer', id: message.id, envelope })
  } else if (message.kind === 'audit') {
    tell({ kind: 'audit', id: message.id, audit: auditStation(station.connection.db, stationId) })
  } else if (message.kind === 'close') {
    station.close()
    tell({ kind: 'closed', id: message.id })
    process.disconnect()
    process.exit(0)
  }
}

tell({ kind: 'ready', stationId, pid: process.pid })
