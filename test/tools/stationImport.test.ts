// `npm run station -- import resources/sample-orders.json`: the orders and
// the file's operators on a new station; on a station with operators, the
// file's operators are skipped and the command says why.
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterEach, expect, it } from 'vitest'
import { cleanup, makeDataDir } from '../core/helpers'

afterEach(cleanup)

const run = promisify(execFile)
const root = process.cwd()
const importSample = (dataDir: string) =>
  run(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'src/main/cli.ts'), 'import', join(root, 'resources/sample-orders.json'), '--data-dir', dataDir],
    {
      cwd: root,
      timeout: 60_000
    }
  )

it('takes the file operators on a new station, and says plainly it skipped them on the next import', async () => {
  const dataDir = makeDataDir()
  const first = await importSample(dataDir)
  expect(first.stdout).toContain('15 imported')
  expect(first.stdout).toContain('Operators: 3 added (Dana Whitfield, Marek Nowak, Aisha Rahman).')
  const db = new Database(join(dataDir, 'station.db'), { readonly: true })
  try {
    expect(db.prepare('select name, role, pin_hash is not null as pin from operators order by id').all()).toEqual([
      { name: 'Dana Whitfield', role: 'shift_lead', pin: 1 },
      { name: 'Marek Nowak', role: 'operator', pin: 0 },
      { name: 'Aisha Rahman', role: 'operator', pin: 0 }
    ])
  } finally {
    db.close()
  }
  const second = await importSample(dataDir)
  expect(second.stdout).toContain('15 already here')
  expect(second.stdout).toContain('Operators: 3 in the file skipped, because this station already has operators')
}, 120_000)
