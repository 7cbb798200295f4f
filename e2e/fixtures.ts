// Each test gets a fresh data folder and a station of its own: the Electron
// app when the Electron binary is installed, otherwise the browser host
// (`src/main/host/cli.ts`, built once per run by e2e/hostBuild.ts) with the page opened in Chromium.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { _electron, expect, test as base, type Page } from '@playwright/test'
import { luhnCheckDigit } from '../src/main/core/scanning/serial'
import { electronBinary } from './electronBinary'
import { hostArgs } from './hostBuild'
import { waitForUrl } from './hostProcess'

export { electronBinary }

const root = resolve(import.meta.dirname, '..')

type Fixtures = { dataDir: string; stationUrl: string | null; page: Page; db: () => Database.Database }

export const test = base.extend<Fixtures>({
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ps-e2e-'))
    await use(dir)
    rmSync(dir, { recursive: true, force: true })
  },

  stationUrl: async ({ dataDir }, use) => {
    if (electronBinary()) return use(null)
    const child = spawn(process.execPath, hostArgs(dataDir), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      await use(await waitForUrl(child, 30_000))
    } finally {
      child.kill('SIGTERM')
      await new Promise((r) => child.once('exit', r))
    }
  },

  page: async ({ page, stationUrl, dataDir }, use) => {
    const binary = electronBinary()
    if (!binary) {
      await page.goto(stationUrl!)
      return use(page)
    }
    const app = await _electron.launch({
      executablePath: binary,
      args: [join(root, 'out/main/index.js'), '--data-dir', dataDir],
      cwd: root
    })
    try {
      await use(await app.firstWindow())
    } finally {
      await app.close()
    }
  },

  /** The station's own SQLite file, opened read-only: what the database holds after the screen said OK. */
  db: async ({ dataDir }, use) => {
    const opened: Database.Database[] = []
    await use(() => {
      const db = new Database(join(dataDir, 'station.db'), { readonly: true, fileMustExist: true })
      opened.push(db)
      return db
    })
    for (const db of opened) db.close()
  }
})

export { expect } from '@playwright/test'

/** An IMEI from its first 14 digits plus the Luhn check digit. */
export const imei = (body: string): string => body + luhnCheckDigit(body)

/** Types a scan the way a keyboard-wedge scanner does: the characters, then Enter. */
export async function scan(page: Page, text: string) {
  const field = page.getByRole('textbox', { name: 'Serial' })
  await field.focus()
  await page.keyboard.type(text, { delay: 5 })
  await page.keyboard.press('Enter')
}

/**
 * The PINs of the shift leads the specs load or create, by badge and by name: the station asks a
 * shift lead for their PIN at sign-in (sample data: Dana Whitfield, PIN 1234).
 */
export const SHIFT_LEAD_PINS: Record<string, string> = { 'OP-9001': '1234', 'Dana Whitfield': '1234' }

/** The station asked for a PIN at sign-in: typed into the PIN field (it has the focus), then Enter. */
export async function enterSignInPin(page: Page, pin: string) {
  const field = page.getByLabel('PIN', { exact: true })
  await expect(field).toBeFocused()
  await page.keyboard.type(pin)
  await page.keyboard.press('Enter')
}

/** First start: load the sample data and sign in by pressing an operator's name (a shift lead then gives the PIN). */
export async function startWithSampleData(page: Page, operator = 'Marek Nowak') {
  await page.getByRole('button', { name: 'Load sample data' }).click()
  await page.getByRole('button', { name: operator }).click()
  if (SHIFT_LEAD_PINS[operator]) await enterSignInPin(page, SHIFT_LEAD_PINS[operator])
  await expect(page.getByLabel('Signed in operator')).toHaveText(operator)
}

/** Finds an order from the Orders screen (Enter opens it when exactly one matches). */
export async function openOrder(page: Page, search: string, orderNumber: string) {
  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await page.getByLabel('Search').fill(search)
  await page.getByLabel('Search').press('Enter')
  await expect(page.getByRole('heading', { name: `Order ${orderNumber}` })).toBeVisible()
}

/** From the order screen: Used Scan every serial, Save twice (box saved, then confirmed), and confirm packing. */
export async function packWithUsedScan(page: Page, serials: string[]) {
  await page.getByRole('button', { name: 'Used Scan' }).click()
  for (const serial of serials) {
    await scan(page, serial)
    await expect(page.getByLabel('Scan result')).toContainText(serial)
    await expect(page.getByLabel('Scan result')).toContainText('OK')
  }
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByLabel('Scan result')).toContainText('saved')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByLabel('Scan result')).toContainText('confirmed')
  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'is packed' })).toBeVisible()
}

/** From Packing Confirmation of a packed order: Ship, scan the tracking number (Enter), optionally a URL, Ship. */
export async function shipPackedOrder(page: Page, trackingNumber: string, trackingUrl?: string) {
  await page.getByRole('button', { name: 'Ship', exact: true }).click()
  const tracking = page.getByRole('textbox', { name: 'Tracking number' })
  await expect(tracking).toBeFocused()
  await page.keyboard.type(trackingNumber, { delay: 5 })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('textbox', { name: 'Tracking URL (optional)' })).toBeFocused()
  if (trackingUrl) await page.keyboard.type(trackingUrl)
  await page.getByRole('button', { name: 'Ship', exact: true }).click()
  await expect(page.getByRole('alert', { name: 'Shipped' })).toBeVisible()
}

/**
 * Signs in the way a badge scanner does: the badge code typed fast into the Badge field, then
 * Enter; then the PIN when one is given (a shift lead's is known by badge: SHIFT_LEAD_PINS).
 */
export async function signInByBadge(page: Page, badgeCode: string, pin: string | undefined = SHIFT_LEAD_PINS[badgeCode]) {
  const field = page.getByLabel('Badge', { exact: true })
  await field.focus()
  await page.keyboard.type(badgeCode, { delay: 5 })
  await page.keyboard.press('Enter')
  if (pin) await enterSignInPin(page, pin)
}

/**
 * Fills the open shift-lead approval dialog ("Approve: …"): the badge scanned
 * (its Enter moves on to the PIN, so the PIN is typed where the focus is),
 * the reason if given, then Approve.
 */
export async function approveAsShiftLead(page: Page, badgeCode: string, pin: string, reason?: string) {
  const dialog = page.getByRole('dialog', { name: /^Approve: / })
  await dialog.getByLabel('Badge', { exact: true }).fill('')
  await dialog.getByLabel('Badge', { exact: true }).focus()
  await page.keyboard.type(badgeCode, { delay: 5 })
  await page.keyboard.press('Enter')
  await page.keyboard.type(pin)
  if (reason !== undefined) await dialog.getByLabel('Reason').fill(reason)
  await dialog.getByRole('button', { name: 'Approve' }).click()
}
