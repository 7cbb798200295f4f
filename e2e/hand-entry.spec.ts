// Serials typed by hand (SPEC §5), told apart from scans by keystroke timing:
// with the station set to "With a shift lead's PIN" a typed IMEI waits for a
// shift lead's badge and PIN; set to "Refused" it is refused and nothing is
// written, while the same IMEI scanned is accepted.
import type { Page } from '@playwright/test'
import type Database from 'better-sqlite3'
import { expect, imei, test } from './fixtures'
import { approvalDialog, approve, DANA, findOrder, scanResult, signInWithSampleData, snapshot, wedgeScan } from './packing-helpers'

async function setHandEntryPolicy(page: Page, label: string, screenshot?: string) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const option = page.getByRole('radio', { name: label, exact: true })
  await page.getByText(label, { exact: true }).click()
  await expect(option).toBeChecked()
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: true })
  await page.getByRole('button', { name: 'Save settings' }).click()
  await expect(approvalDialog(page)).toHaveAccessibleName('Approve: change the station settings')
  await approve(page)
  await expect(page.getByRole('alert').filter({ hasText: 'Settings saved.' })).toBeVisible()
}

/** A person typing a serial: about 120 ms between keys, then Enter. */
async function typeByHand(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Serial' }).focus()
  await page.keyboard.type(text, { delay: 120 })
  await page.keyboard.press('Enter')
}

const policy = (db: Database.Database) =>
  (db.prepare("select value from settings where key = 'handEntryPolicy'").get() as { value: string } | undefined)?.value

test('hand entry with a shift lead\'s PIN: the typed IMEI waits for approval, then is stored as typed with an approval event; refused: hand entry set to "Refused" — a typed IMEI shows TYPED BY HAND and writes nothing; the same IMEI scanned is accepted', async ({
  page,
  db
}) => {
  await signInWithSampleData(page, DANA.name)
  await setHandEntryPolicy(page, "With a shift lead's PIN", '/tmp/pw-settings.png')
  expect(policy(db())).toBe('"approval"')

  await findOrder(page, 'OD5763245723423', 'SO-10002')
  await page.getByRole('button', { name: 'Used Scan' }).click()
  const typed = imei('35302611500001')
  const before = snapshot(db(), 'SO-10002')
  await typeByHand(page, typed)
  await expect(scanResult(page)).toContainText('SHIFT LEAD APPROVAL')
  await expect(scanResult(page)).toContainText('Typed by hand: a shift lead must approve this serial (badge and PIN).')
  await expect(approvalDialog(page)).toHaveAccessibleName(`Approve: serial typed by hand: ${typed}`)
  await page.screenshot({ path: '/tmp/pw-approval-hand-entry.png' })
  expect(snapshot(db(), 'SO-10002')).toEqual(before)

  await approve(page)
  await expect(approvalDialog(page)).toBeHidden()
  await expect(scanResult(page)).toContainText(`OK ${typed}`)
  await expect(page.getByLabel('Scan Count')).toHaveText('1')
  await expect(page.getByRole('textbox', { name: 'Serial' })).toBeFocused()

  const stored = db()
  const unit = stored.prepare('select id, serial, entry_method from scanned_units').get() as {
    id: string
    serial: string
    entry_method: string
  }
  expect(unit).toMatchObject({ serial: typed, entry_method: 'typed' })
  const event = stored.prepare("select entity_id, data from events where type = 'unit.hand_entry_approved'").get() as {
    entity_id: string
    data: string
  }
  expect(event.entity_id).toBe(unit.id)
  expect(JSON.parse(event.data)).toMatchObject({ serial: typed, approvedBy: { name: DANA.name } })

  // Then the station is set to "Refused" (same station: a station of its own would cost a start of the host and the
  // page for nothing the check needs; SO-10009 is untouched by the above).
  await setHandEntryPolicy(page, 'Refused')
  expect(policy(db())).toBe('"refused"')

  await findOrder(page, 'POS-AMS-0042-7781', 'SO-10009')
  await page.getByRole('button', { name: 'Used Scan' }).click()
  const serial = imei('35391611500001')
  const untouched = snapshot(db(), 'SO-10009')
  await typeByHand(page, serial)
  await expect(scanResult(page)).toContainText('TYPED BY HAND')
  await expect(scanResult(page)).toContainText('Typed by hand: this station takes scanned serials only. Scan the barcode.')
  await expect(approvalDialog(page)).toHaveCount(0)
  await expect(page.getByLabel('Scan Count')).toHaveText('0')
  expect(snapshot(db(), 'SO-10009')).toEqual(untouched)

  await wedgeScan(page, serial)
  await expect(scanResult(page)).toContainText(`OK ${serial}`)
  await expect(page.getByLabel('Scan Count')).toHaveText('1')
  expect(
    db()
      .prepare(
        "select u.serial, u.entry_method from scanned_units u join order_lines l on l.id = u.order_line_id join orders o on o.id = l.order_id where o.order_number = 'SO-10009'"
      )
      .all()
  ).toEqual([{ serial, entry_method: 'scanned' }])
  expect(db().prepare("select status from orders where order_number = 'SO-10009'").get()).toEqual({ status: 'in_progress' })
})
