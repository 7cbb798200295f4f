// The database check's thread: quick_check reads every page, 40 s on a year
// of history, so the station's own thread never runs it (./integrityCheck.ts).
// Built as out/main/integrityWorker.js.
import { parentPort, workerData } from 'node:worker_threads'
import { checkDatabaseFile } from './integrity'

if (parentPort) parentPort.postMessage(checkDatabaseFile((workerData as { file: string }).file))
