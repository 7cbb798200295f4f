// Assign Operator, driven like a shift lead: tick two orders in the orders
// list, choose Marek for packing, Assign (approved with the shift lead's badge
// and PIN); reassign one; then Marek signs in
// (badge scan), sees his order first and filtered, and its header names him.
import type { Page } from '@playwright/test'
import { approveAsShiftLead, expect, signInByBadge, test } from './fixtures'

const ordersTable = (page: Page) => page.getByRole('table', { name: 'Orders' })
/** The order numbers of the list, top to bottom (the rows the virtualized table has drawn). */
const listed = (page: Page) =>
  ordersTable(page)
    .locator('tr[data-order]')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order')))

async function assignPacking(page: Page, orderNumbers: string[], operator: string) {
  for (const n of orderNumbers) await page.getByRole('checkbox', { name: `Select ${n}` }).check()
  await page.getByRole('button', { name: `Assign operator (${orderNumbers.length})` }).click()
  const dialog = page.getByRole('dialog', { name: 'Assign operator' })
  await dialog.getByRole('combobox', { name: 'Packing' }).click()
  await page.getByRole('option', { name: operator, exact: true }).click()
  await dialog.getByRole('button', { name: 'Assign' }).click()
  const count = `${orderNumbers.length} order${orderNumbers.length === 1 ? '' : 's'}`
  await expect(page.getByRole('dialog', { name: `Approve: assign operators to ${count}` })).toBeVisible()
  await approveAsShiftLead(page, 'OP-9001', '1234')
}

test('assign two orders to an operator for packing; he sees them first and filtered', async ({ page, db }) => {
  await page.getByRole('button', { name: 'Load sample data' }).click()
  await signInByBadge(page, 'OP-9001')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Dana Whitfield')
  await expect(ordersTable(page)).toContainText('SO-10014')

  await assignPacking(page, ['SO-10009', 'SO-10014'], 'Marek Nowak')
  await expect(page.getByRole('alert', { name: 'Operators assigned' })).toContainText('Assigned: 2 orders, 2 changes.')
  await expect(ordersTable(page).getByRole('row').filter({ hasText: 'SO-10014' })).toContainText('Marek Nowak')

  const stored = db()
  const assignments = () =>
    stored
      .prepare(
        'select o.order_number, a.role, p.name, b.name assigned_by from assignments a join orders o on o.id = a.order_id join operators p on p.id = a.operator_id join operators b on b.id = a.assigned_by order by o.order_number'
      )
      .all()
  expect(assignments()).toEqual([
    { order_number: 'SO-10009', role: 'packing', name: 'Marek Nowak', assigned_by: 'Dana Whitfield' },
    { order_number: 'SO-10014', role: 'packing', name: 'Marek Nowak', assigned_by: 'Dana Whitfield' }
  ])
  expect(
    stored.prepare("select count(*) n from events where type = 'order.assigned' and reason = 'Packing: nobody → Marek Nowak'").get()
  ).toEqual({ n: 2 })

  // Picking and shipping were left unchanged: nothing assigned there. Now SO-10009 goes to Aisha.
  await assignPacking(page, ['SO-10009'], 'Aisha Rahman')
  await expect(page.getByRole('alert', { name: 'Operators assigned' })).toContainText('Assigned: 1 order, 1 change.')
  expect(assignments()).toEqual([
    { order_number: 'SO-10009', role: 'packing', name: 'Aisha Rahman', assigned_by: 'Dana Whitfield' },
    { order_number: 'SO-10014', role: 'packing', name: 'Marek Nowak', assigned_by: 'Dana Whitfield' }
  ])
  expect(stored.prepare("select reason from events where type = 'order.reassigned'").all()).toEqual([
    { reason: 'Packing: Marek Nowak → Aisha Rahman' }
  ])

  // Marek scans his badge (Switch operator): his order comes first, marked as his.
  await page.getByRole('button', { name: 'Switch operator' }).click()
  await signInByBadge(page, 'OP-1001')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Marek Nowak')
  await expect(page.getByRole('button', { name: /^Assign operator/ })).toHaveCount(0)
  await expect(ordersTable(page).getByRole('row').nth(1)).toContainText('SO-10014')
  await expect(ordersTable(page).getByRole('row').nth(1)).toContainText('You')
  await expect.poll(async () => (await listed(page)).slice(0, 2)).toEqual(['SO-10014', 'SO-10010'])

  // Assigned to: Me — only his order.
  await page.getByRole('combobox', { name: 'Assigned to' }).click()
  await page.getByRole('option', { name: 'Me (Marek Nowak)' }).click()
  await expect.poll(() => listed(page)).toEqual(['SO-10014'])

  // A named operator: Aisha's order.
  await page.getByRole('combobox', { name: 'Assigned to' }).click()
  await page.getByRole('option', { name: 'Aisha Rahman' }).click()
  await expect.poll(() => listed(page)).toEqual(['SO-10009'])

  // The order's screens name the operators assigned.
  await page.getByRole('combobox', { name: 'Assigned to' }).click()
  await page.getByRole('option', { name: 'Me (Marek Nowak)' }).click()
  await expect.poll(() => listed(page)).toEqual(['SO-10014'])
  await page.getByRole('button', { name: 'SO-10014' }).click()
  await expect(page.getByRole('heading', { name: 'Order SO-10014' })).toBeVisible()
  await expect(page.getByLabel('Packing operator')).toHaveText('Packing: Marek Nowak')
  await expect(page.getByLabel('Picking operator')).toHaveText('Picking: not assigned')
})
