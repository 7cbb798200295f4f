// What the IT guide (docs/it-admin.md, "OMS sync") says about the sync, kept
// true by the code it describes: the export CSV's columns, the push
// interval's default, the contract version.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS } from '../../src/main/core/sync/fileExport'
import { CONTRACT_VERSION } from '../../src/main/core/sync/omsWire'
import { OmsSettings } from '../../src/main/core/sync/syncSettings'

const guide = readFileSync(resolve(import.meta.dirname, '../../docs/it-admin.md'), 'utf8')

describe('the IT guide', () => {
  it('names every column of the export CSV, in order', () => {
    expect(guide).toContain(CSV_COLUMNS.map((c) => `\`${c}\``).join(', '))
  })

  it('gives the push interval the station uses by default', () => {
    const seconds = OmsSettings.parse({}).pushIntervalSeconds
    expect(guide).toContain(`again every ${seconds} seconds`)
    expect(guide).not.toMatch(/events (go|are sent) every 5 s/)
  })

  it('names the contract version the station speaks', () => {
    expect(guide).toContain(`contract version ${CONTRACT_VERSION}`)
  })
})
