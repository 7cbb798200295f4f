// Settings as one file, from one station to the next: a shift lead exports
// them on station A (approved; the browser downloads the file and a copy lands
// in A's data folder), then on a fresh station B picks the file, sees what it
// changes, and imports it (approved). The OMS token never travels; B keeps its
// own id; a file with an unknown key is refused and changes nothing.
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { approveAsShiftLead, enterSignInPin, expect, startWithSampleData, test } from './fixtures'
import { hostArgs } from './hostBuild'
import { waitForUrl } from './hostProcess'

const root = resolve(import.meta.dirname, '..')
const shot = (name: string) => ({ path: `/tmp/settings-file-shots/${name}.png`, fullPage: true })
const TOKEN = 'station-a-secret-token'

/** Station B: a second browser host on its own data folder, as on the next PC. */
async function secondStation(use: (url: string, dataDir: string) => Promise<void>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ps-e2e-b-'))
  const child = spawn(process.execPath, hostArgs(dataDir), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  try {
    await use(await waitForUrl(child, 30_000), dataDir)
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const settingOf = (dataDir: string, key: string): unknown => {
  const db = new Database(join(dataDir, 'station.db'), { readonly: true, fileMustExist: true })
  try {
    const row = db.prepare('select value from settings where key = ?').get(key) as { value: string } | undefined
    return row ? JSON.parse(row.value) : undefined
  } finally {
    db.close()
  }
}

test('settings exported on one station are imported onto a fresh one', async ({ page, dataDir }, testInfo) => {
  // Station A: the sample data's shift lead points it at the OMS (with a token), then exports the settings.
  await startWithSampleData(page, 'Dana Whitfield')
  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await page.getByLabel('OMS address').fill('https://oms.example.com')
  await page.getByLabel('OMS token').fill(TOKEN)
  await page.getByRole('button', { name: 'Save settings' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('dialog', { name: /^Approve: / })).toHaveCount(0)

  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('button', { name: 'Export settings' }).click()
  const downloading = page.waitForEvent('download')
  await approveAsShiftLead(page, 'OP-9001', '1234')
  const download = await downloading
  const file = testInfo.outputPath(download.suggestedFilename())
  await download.saveAs(file)
  await expect(page.getByLabel('Settings file', { exact: true }).getByRole('status')).toContainText('Settings written to')
  await page.getByLabel('Settings file', { exact: true }).screenshot(shot('1-exported'))

  const text = readFileSync(file, 'utf8')
  expect(text).not.toContain(TOKEN)
  expect(JSON.parse(text).settings.oms.omsUrl).toBe('https://oms.example.com')
  const stationA = settingOf(dataDir, 'stationId')
  expect(readdirSync(join(dataDir, 'settings-exports'))).toEqual([download.suggestedFilename()])

  await secondStation(async (urlB, dataDirB) => {
    const b = await page.context().newPage()
    await b.goto(urlB)
    await b.getByLabel('Name').fill('Lee Second')
    await b.getByLabel('Badge code').fill('OP-9002')
    await b.getByLabel('PIN').fill('5678')
    await b.getByRole('button', { name: 'Create shift lead' }).click()
    await b.getByRole('button', { name: 'Lee Second' }).click()
    await enterSignInPin(b, '5678')
    await b.getByRole('button', { name: 'Settings', exact: true }).click()
    const stationB = settingOf(dataDirB, 'stationId')
    expect(stationB).not.toEqual(stationA)

    // A file with a key this station does not know: refused, nothing changes.
    const unknown = testInfo.outputPath('unknown-key.json')
    writeFileSync(unknown, JSON.stringify({ ...JSON.parse(text), colour: 'blue' }))
    const panel = b.getByLabel('Settings file', { exact: true })
    await panel.locator('input[type=file]').setInputFiles(unknown)
    await expect(panel.getByRole('alert')).toContainText('this station does not know: colour')
    await panel.screenshot(shot('2-refused'))
    expect(settingOf(dataDirB, 'sync.oms')).toBeUndefined()

    // The real file: the preview says what changes and what B keeps of its own.
    await panel.locator('input[type=file]').setInputFiles(file)
    await expect(panel.getByRole('table', { name: 'Settings that change' })).toContainText('https://oms.example.com')
    await expect(panel.getByRole('table', { name: 'Settings kept' })).toContainText(String(stationA))
    await expect(panel).toContainText('enter it on the Sync screen')
    await panel.screenshot(shot('3-preview'))
    await panel.getByRole('button', { name: /^Import \d+ changes?$/ }).click()
    await approveAsShiftLead(b, 'OP-9002', '5678')
    await expect(panel.getByRole('status')).toContainText(`Settings imported from station ${stationA}`)
    await panel.screenshot(shot('4-imported'))

    expect(settingOf(dataDirB, 'sync.oms')).toMatchObject({ baseUrl: 'https://oms.example.com' })
    expect(settingOf(dataDirB, 'stationId')).toEqual(stationB)
    await b.getByRole('button', { name: 'Sync', exact: true }).click()
    await expect(b.getByLabel('OMS address')).toHaveValue('https://oms.example.com')
    await b.screenshot(shot('5-sync-on-b'))
    await b.close()
  })
})
