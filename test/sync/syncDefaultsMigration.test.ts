// Migration 0008: a station that saved its sync settings with the old outbox
// defaults stored (50-event batches, 5-minute backoff cap) gets the new ones;
// a value the station chose itself stays.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { readSyncSetting } from '../../src/main/core/sync/syncSettings'
import { cleanup, openTestStation } from '../core/helpers'

afterEach(cleanup)

const migration = readFileSync(join(__dirname, '../../drizzle/0008_sync_defaults.sql'), 'utf8').split('--> statement-breakpoint')

function stationWithStored(value: Record<string, unknown>) {
  const t = openTestStation()
  t.sqlite.prepare("insert or replace into settings (key, value) values ('sync.oms', ?)").run(JSON.stringify(value))
  for (const statement of migration) t.sqlite.exec(statement)
  return t
}

it('drops the stored old defaults, so the new ones apply', () => {
  const t = stationWithStored({ baseUrl: 'https://oms.example.com', batchSize: 50, backoffBaseMs: 1000, backoffCapMs: 300_000 })
  expect(readSyncSetting(t.db, 'oms')).toMatchObject({ baseUrl: 'https://oms.example.com', batchSize: 500, backoffCapMs: 5_000 })
})

it('keeps values the station set itself', () => {
  const t = stationWithStored({ baseUrl: 'https://oms.example.com', batchSize: 200, backoffCapMs: 60_000 })
  expect(readSyncSetting(t.db, 'oms')).toMatchObject({ batchSize: 200, backoffCapMs: 60_000 })
})
