// SPEC §10: a saved shift report is printed in the station's language, from the catalogue's `reports` namespace.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { setSetting } from '../../src/main/core/settings/settings'
import { cleanup } from '../core/helpers'
import { scriptedShift, TODAY } from '../reports/shiftWorld'

afterEach(cleanup)

describe('the shift report in the station language', () => {
  it('CSV and PDF say their headings in Polish on a Polish station', async () => {
    const w = await scriptedShift()
    setSetting(w.db, 'language', 'pl')
    const csv = readFileSync((await w.call('reports:export', { range: TODAY, format: 'csv' })).path, 'utf8')
    expect(csv).toContain('Raport zmiany')
    expect(csv).toContain('Zeskanowane sztuki')
    expect(csv).toContain('Błędny numer')
    expect(csv).not.toContain('Shift report')
    const pdf = (await w.call('reports:export', { range: TODAY, format: 'pdf' })).path
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain('Raport zmiany')
    expect(text).toContain('Potwierdzone kartony')
    expect(text).toMatch(/strona 1 z \d/)
  })
})
