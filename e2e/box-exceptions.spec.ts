// Box exceptions (SPEC §4), driven like an operator with a shift lead at hand:
// reopen a confirmed box, remove a unit (a wrong PIN first: refused in the
// dialog, nothing changed, the wrong try counted), then void the box.
import { expect, imei, scan, test } from './fixtures'
import { approvalDialog, approve, DANA, findOrder, scanResult, signInWithSampleData, snapshot } from './packing-helpers'

test('SO-10014: reopen box 1, remove a unit (wrong PIN refused, then approved), void the box', async ({ page, db }) => {
  await signInWithSampleData(page)
  await findOrder(page, '171-5538201-4410392', 'SO-10014')
  await page.getByRole('button', { name: 'Used Scan' }).click()

  const first = imei('35302611400001')
  const second = imei('35302611400002')
  for (const serial of [first, second]) {
    await scan(page, serial)
    await expect(scanResult(page)).toContainText(`OK ${serial}`)
  }
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(scanResult(page)).toContainText('Box 1 saved with 2 units')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(scanResult(page)).toContainText('Box 1 confirmed (2 units)')

  const box1 = page.getByLabel('Box 1', { exact: true })
  await expect(box1).toContainText('confirmed')
  await expect(box1.getByRole('button', { name: 'Remove' })).toHaveCount(0)
  await box1.getByRole('button', { name: 'Reopen box 1' }).click()
  await expect(scanResult(page)).toContainText('Box 1 reopened')
  await expect(box1).toContainText('open')
  expect(db().prepare('select status from boxes').all()).toEqual([{ status: 'saved' }])

  // Remove the first unit: a wrong PIN is refused in the dialog, which stays open.
  await box1.getByText(first).locator('xpath=..').getByRole('button', { name: 'Remove' }).click()
  await expect(approvalDialog(page)).toHaveAccessibleName(`Approve: remove ${first}`)
  const before = snapshot(db(), 'SO-10014')
  await approve(page, { pin: '9999', reason: 'Scratched screen, swap the unit' })
  const dialog = approvalDialog(page)
  await expect(dialog.getByRole('alert')).toContainText('Not approved')
  await expect(dialog.getByRole('alert')).toContainText('Wrong PIN for Dana Whitfield (4 tries left). Nothing was changed.')
  await expect(dialog.getByLabel('PIN', { exact: true })).toBeFocused()
  await expect(dialog.getByLabel('PIN', { exact: true })).toHaveValue('')
  await page.screenshot({ path: '/tmp/pw-approval-wrong-pin.png' })

  const afterWrongPin = snapshot(db(), 'SO-10014')
  expect({ ...afterWrongPin, events: before.events, outbox: before.outbox }).toEqual(before)
  expect(afterWrongPin.outbox).toBe(before.outbox)
  expect(db().prepare('select serial, removed_at, removal from scanned_units where serial = ?').get(first)).toEqual({
    serial: first,
    removed_at: null,
    removal: null
  })
  expect(db().prepare('select failed_pin_attempts, locked_until from operators where badge_code = ?').get(DANA.badge)).toEqual({
    failed_pin_attempts: 1,
    locked_until: null
  })

  // The right PIN (badge and reason are still filled in): the unit leaves the box.
  await page.keyboard.type(DANA.pin)
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click()
  await expect(dialog).toBeHidden()
  await expect(scanResult(page)).toContainText(`Removed ${first} from box 1`)
  await expect(page.getByLabel('Scan Count')).toHaveText('1')
  await expect(page.getByLabel('Pending Count')).toHaveText('2')
  await expect(box1).toContainText('1 unit ·')
  await expect(box1).not.toContainText(first)

  const removed = db()
  expect(
    removed.prepare('select serial, removal, removal_reason, removed_at is not null removed from scanned_units order by serial').all()
  ).toEqual([
    { serial: first, removal: 'removed', removal_reason: 'Scratched screen, swap the unit', removed: 1 },
    { serial: second, removal: null, removal_reason: null, removed: 0 }
  ])
  expect(
    removed.prepare("select scanned_quantity from order_lines l join orders o on o.id = l.order_id where o.order_number = 'SO-10014'").get()
  ).toEqual({ scanned_quantity: 1 })
  expect(removed.prepare('select failed_pin_attempts from operators where badge_code = ?').get(DANA.badge)).toEqual({
    failed_pin_attempts: 0
  })

  // Void box 1 with a shift lead's approval: its last unit is freed.
  await box1.getByRole('button', { name: 'Void box 1' }).click()
  await expect(approvalDialog(page)).toHaveAccessibleName('Approve: void box 1')
  await approve(page, { reason: 'Box damaged' })
  await expect(approvalDialog(page)).toBeHidden()
  await expect(scanResult(page)).toContainText('Box 1 voided: 1 unit to scan again or put back')
  await expect(box1).toContainText('voided')
  await expect(page.getByLabel('Scan Count')).toHaveText('0')
  await expect(page.getByLabel('Pending Count')).toHaveText('3')

  const voided = db()
  expect(voided.prepare('select number, status from boxes').all()).toEqual([{ number: 1, status: 'voided' }])
  expect(voided.prepare('select serial, removal, removal_reason from scanned_units order by serial').all()).toEqual([
    { serial: first, removal: 'removed', removal_reason: 'Scratched screen, swap the unit' },
    { serial: second, removal: 'box_voided', removal_reason: 'Box damaged' }
  ])
  expect(voided.prepare('select count(*) n from scanned_units where removed_at is null').get()).toEqual({ n: 0 })
  const outbox = voided.prepare('select type, payload from outbox order by created_at, rowid').all() as { type: string; payload: string }[]
  expect(outbox.map((r) => r.type)).toEqual(['order.in_progress', 'box.confirmed', 'box.reopened', 'unit.removed', 'box.voided'])
  expect(JSON.parse(outbox[3].payload)).toMatchObject({
    boxNumber: 1,
    reason: 'Scratched screen, swap the unit',
    approvedBy: { name: 'Dana Whitfield' }
  })
  expect(JSON.parse(outbox[4].payload)).toMatchObject({ boxNumber: 1, reason: 'Box damaged', approvedBy: { name: 'Dana Whitfield' } })

  // The freed serials can be scanned again.
  await scan(page, first)
  await expect(scanResult(page)).toContainText(`OK ${first}`)
})
