// A damaged database at start-up (SPEC §9), driven like the shift lead at the
// station: a page of station.db overwritten with garbage (a failing disk), a
// backup taken before. The station opens on the recovery screen, names the
// backup and what would be lost since, and restores it once a shift lead
// gives badge and PIN; the damaged file is kept aside, and the station then
// works on the restored data.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { backupDatabase } from '../src/main/core/db/backup'
import { setSetting } from '../src/main/core/settings/settings'
import type { Language } from '../src/shared/i18n/languages'
import { openStation } from '../src/main/station'
import { damageTable } from '../test/db/dbHelpers'
import { expect, signInByBadge, test as base } from './fixtures'

const BACKUP_AT = new Date(Date.now() - 2 * 3600_000)

/**
 * A station with the sample data, speaking `language`, backed up (stamped two hours ago: the sample's events count
 * as after it), then damaged.
 */
async function damagedStation(dir: string, language: Language = 'en'): Promise<void> {
  const station = openStation({ dataDir: dir })
  try {
    const loaded = await station.handlers['app:loadSampleData']({})
    if (loaded.failed > 0) throw new Error('the sample data did not load')
    setSetting(station.connection.db, 'language', language)
    await backupDatabase(station.connection.sqlite, join(dir, 'backups'), BACKUP_AT)
  } finally {
    station.close()
  }
  // A failing disk's garbage over one table's pages (order lines): the event log stays readable.
  damageTable(join(dir, 'station.db'), 'order_lines')
}

const test = base.extend<{ dataDir: string; stationLanguage: Language }>({
  stationLanguage: ['en', { option: true }],
  dataDir: async ({ stationLanguage }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-e2e-'))
    await damagedStation(dir, stationLanguage)
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  }
})

test('a damaged database opens the recovery screen; a shift lead restores the newest good backup', async ({ page, dataDir }, info) => {
  await expect(page.getByRole('heading', { name: 'The station’s database is damaged' })).toBeVisible()
  await expect(page.getByText(`The database ${join(dataDir, 'station.db')} is damaged`)).toBeVisible()
  const backup = page.getByLabel('Newest good backup')
  await expect(backup).toContainText(join(dataDir, 'backups', 'station-'))
  // The damage is in another table: the event log is still readable and lists what came after the backup.
  await expect(backup).toContainText(/\d+ events recorded after it would be lost, the newest:/)
  await expect(page.getByRole('list', { name: 'Events that would be lost' }).getByRole('listitem')).toHaveCount(10)
  await page.screenshot({ path: info.outputPath('recovery.png'), fullPage: true })

  await backup.getByRole('button', { name: 'Restore this backup…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Approve: restore the backup' })
  // An operator's badge is not enough, and nothing is changed by the refusal.
  await dialog.getByLabel('Badge', { exact: true }).fill('OP-1001')
  await dialog.getByLabel('Badge', { exact: true }).press('Enter')
  await page.keyboard.type('1234')
  await dialog.getByRole('button', { name: 'Restore' }).click()
  await expect(dialog).toContainText("OP-1001 is not a shift lead's badge in that backup")
  expect(readdirSync(dataDir).filter((name) => name.includes('damaged'))).toEqual([])

  await dialog.getByLabel('Badge', { exact: true }).fill('OP-9001')
  await dialog.getByLabel('Badge', { exact: true }).press('Enter')
  await page.keyboard.type('1234')
  await page.screenshot({ path: info.outputPath('recovery-approval.png') })
  await dialog.getByRole('button', { name: 'Restore' }).click()

  await expect(page.getByRole('heading', { name: 'Backup restored' })).toBeVisible()
  const aside = readdirSync(dataDir).filter((name) => /^station\.db\.damaged-.*Z$/.test(name))
  expect(aside).toHaveLength(1)
  await expect(page.getByText(`kept as ${join(dataDir, aside[0]!)}`)).toBeVisible()
  await page.screenshot({ path: info.outputPath('recovery-restored.png') })

  await page.getByRole('button', { name: 'Continue to sign-in' }).click()
  await signInByBadge(page, 'OP-1001')
  await expect(page.getByText('SO-10001')).toBeVisible()
  await expect(page.getByLabel('Station faults')).toHaveCount(0)
})

test.describe('a station that spoke Polish', () => {
  test.use({ stationLanguage: 'pl' })

  test('its recovery screen and the approval speak Polish, with the order number unbroken', async ({ page, dataDir }, info) => {
    await expect(page.getByRole('heading', { name: 'Baza danych stanowiska jest uszkodzona' })).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl')
    const backup = page.getByLabel('Najnowsza poprawna kopia zapasowa')
    await expect(backup).toContainText(join(dataDir, 'backups', 'station-'))
    await expect(backup).toContainText(/Przepadnie \d+ zdarzeń zapisanych po niej, najnowsze:/)
    // The event log's types in words, as the order history shows them.
    const lost = page.getByRole('list', { name: 'Zdarzenia, które przepadną' })
    await expect(lost).toContainText('Zamówienie zaimportowane')
    await expect(lost).not.toContainText('order.imported')
    await page.screenshot({ path: info.outputPath('recovery-pl.png'), fullPage: true })

    await backup.getByRole('button', { name: 'Przywróć tę kopię…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Zatwierdź: przywrócenie kopii zapasowej' })
    await dialog.getByLabel('Identyfikator', { exact: true }).fill('OP-1001')
    await dialog.getByLabel('Identyfikator', { exact: true }).press('Enter')
    await page.keyboard.type('1234')
    await dialog.getByRole('button', { name: 'Przywróć' }).click()
    await expect(dialog).toContainText('OP-1001 nie jest identyfikatorem kierownika zmiany w tej kopii. Nic nie zostało zmienione.')
    await page.screenshot({ path: info.outputPath('recovery-pl-approval.png') })
    expect(readdirSync(dataDir).filter((name) => name.includes('damaged'))).toEqual([])
  })
})
