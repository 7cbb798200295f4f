// Small steps the packing-workflow specs share, driven like an operator:
// load the sample data and sign in, find an order, fill a shift lead's
// approval dialog, and read what the station's database holds.
import type Database from 'better-sqlite3'
import { expect, type CDPSession, type Locator, type Page } from '@playwright/test'
import { enterSignInPin } from './fixtures'

export const DANA = { name: 'Dana Whitfield', badge: 'OP-9001', pin: '1234' }

/** First start: load the sample data and sign in by pressing an operator's name; Dana, a shift lead, gives her PIN. */
export async function signInWithSampleData(page: Page, operator = 'Marek Nowak') {
  await page.getByRole('button', { name: 'Load sample data' }).click()
  await page.getByRole('button', { name: operator }).click()
  if (operator === DANA.name) await enterSignInPin(page, DANA.pin)
  await expect(page.getByLabel('Signed in operator')).toHaveText(operator)
}

/** Orders → Search → Enter: the order opens when exactly one matches. */
export async function findOrder(page: Page, search: string, orderNumber: string) {
  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await page.getByLabel('Search').fill(search)
  await page.getByLabel('Search').press('Enter')
  await expect(page.getByRole('heading', { name: `Order ${orderNumber}` })).toBeVisible()
}

export const scanResult = (page: Page): Locator => page.getByLabel('Scan result')

/** Types into the focused-on-demand field like a keyboard-wedge scanner (5 ms per character) and Enter. */
export async function scanInto(page: Page, field: Locator, text: string) {
  await field.focus()
  await page.keyboard.type(text, { delay: 5 })
  await page.keyboard.press('Enter')
}

const sessions = new WeakMap<Page, Promise<CDPSession>>()

/**
 * A scan as a keyboard-wedge scanner delivers it: every character's key
 * events sent in one burst (real, trusted key events, ~0–5 ms apart), then
 * Enter. Playwright's `keyboard.type` waits for each key's round trip, which
 * on a loaded test machine spaces the keys 20–80 ms apart, so the station
 * rightly takes them for hand typing; use this where "scanned" matters.
 */
export async function wedgeScan(page: Page, text: string, field: Locator = page.getByRole('textbox', { name: 'Serial' })) {
  if (!sessions.has(page)) sessions.set(page, page.context().newCDPSession(page))
  const cdp = await sessions.get(page)!
  await field.focus()
  await Promise.all(
    [...text].flatMap((ch) => [
      cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, unmodifiedText: ch }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch })
    ])
  )
  await expect(field).toHaveValue(text)
  await page.keyboard.press('Enter')
}

/** The open "Approve: …" dialog. */
export const approvalDialog = (page: Page): Locator => page.getByRole('dialog', { name: /^Approve: / })

/**
 * A shift lead fills the approval dialog: badge scanned (its Enter moves on
 * to the PIN), PIN typed, the reason when the dialog asks for one, then the
 * approve button (`Approve` unless the dialog names it otherwise).
 */
export async function approve(page: Page, opts: { badge?: string; pin?: string; reason?: string; button?: string } = {}) {
  const dialog = approvalDialog(page)
  await expect(dialog).toBeVisible()
  const badge = dialog.getByLabel('Badge', { exact: true })
  await badge.fill('')
  await badge.focus()
  await page.keyboard.type(opts.badge ?? DANA.badge, { delay: 5 })
  await page.keyboard.press('Enter')
  await expect(dialog.getByLabel('PIN', { exact: true })).toBeFocused()
  await page.keyboard.type(opts.pin ?? DANA.pin)
  if (opts.reason !== undefined) await dialog.getByLabel('Reason').fill(opts.reason)
  await dialog.getByRole('button', { name: opts.button ?? 'Approve', exact: true }).click()
}

/** Everything a refused action must leave as it was, for one order. */
export function snapshot(db: Database.Database, orderNumber: string) {
  const order = db.prepare('select id, status from orders where order_number = ?').get(orderNumber) as { id: number; status: string }
  return {
    order,
    lines: db.prepare('select id, scanned_quantity from order_lines where order_id = ? order by id').all(order.id),
    units: db
      .prepare(
        'select id, serial, serial2, entry_method, box_id, removed_at, removal, removal_reason from scanned_units where order_id = ? order by id'
      )
      .all(order.id),
    boxes: db
      .prepare(
        'select id, number, status, preset_id, length_mm, width_mm, height_mm, weight_g from boxes where order_id = ? order by number'
      )
      .all(order.id),
    events: (db.prepare('select count(*) n from events').get() as { n: number }).n,
    outbox: (db.prepare('select count(*) n from outbox').get() as { n: number }).n
  }
}
