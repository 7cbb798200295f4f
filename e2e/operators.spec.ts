// Operators, driven like a shift lead: create the first shift lead, sign in
// by badge scan, add operators in the Operators screen (each change approved
// with a shift lead's badge and PIN), switch operator; a wrong PIN is refused
// with the tries left and changes nothing, five lock the shift lead out, and
// another shift lead unlocks them.
import type { Page } from '@playwright/test'
import { approveAsShiftLead, enterSignInPin, expect, signInByBadge, test } from './fixtures'

async function addOperator(page: Page, name: string, badgeCode: string, role: 'Operator' | 'Shift lead', pin?: string) {
  await page.getByRole('button', { name: 'Add operator' }).click()
  const form = page.getByRole('dialog', { name: 'Add operator', exact: true })
  await form.getByLabel('Name').fill(name)
  await form.getByLabel('Badge code').fill(badgeCode)
  await form.getByText(role, { exact: true }).click()
  if (pin) await form.getByLabel('PIN').fill(pin)
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('dialog', { name: `Approve: add operator ${name}` })).toBeVisible()
}

const operatorRow = (page: Page, name: string) => page.getByRole('table', { name: 'Operators' }).getByRole('row').filter({ hasText: name })

test('create operators in the Operators screen, sign in by badge, switch operator', async ({ page, db }) => {
  await page.getByLabel('Name').fill('Dana Whitfield')
  await page.getByLabel('Badge code').fill('OP-9001')
  await page.getByLabel('PIN').fill('1234')
  await page.getByRole('button', { name: 'Create shift lead' }).click()

  await signInByBadge(page, 'OP-9001')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Dana Whitfield')
  await page.getByRole('button', { name: 'Operators', exact: true }).click()

  await addOperator(page, 'Marek Nowak', 'OP-1001', 'Operator')
  // The badge scan's Enter moves on to the PIN field.
  const approval = page.getByRole('dialog', { name: 'Approve: add operator Marek Nowak' })
  await approval.getByLabel('Badge', { exact: true }).focus()
  await page.keyboard.type('OP-9001', { delay: 5 })
  await page.keyboard.press('Enter')
  await expect(approval.getByLabel('PIN', { exact: true })).toBeFocused()
  await page.keyboard.type('1234')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert', { name: 'Saved' })).toHaveText(/Marek Nowak \(badge OP-1001\) added as operator\./)

  await addOperator(page, 'Ola Berg', 'OP-9002', 'Shift lead', '5555')
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert', { name: 'Saved' })).toHaveText(/Ola Berg \(badge OP-9002\) added as shift lead\./)
  await expect(operatorRow(page, 'Ola Berg')).toContainText('Shift lead')

  // A badge that is taken: the station's refusal shows in the approval dialog, nothing is added.
  await addOperator(page, 'Marek Twin', 'OP-1001', 'Operator')
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert', { name: 'Not approved' })).toHaveText(/Badge OP-1001 already belongs to another operator\./)
  await page
    .getByRole('dialog', { name: /^Approve: / })
    .getByRole('button', { name: 'Cancel' })
    .click()
  await page.getByRole('dialog', { name: 'Add operator', exact: true }).getByRole('button', { name: 'Cancel' }).click()

  const stored = db()
  expect(stored.prepare('select name, badge_code, role, pin_hash is not null as has_pin from operators order by id').all()).toEqual([
    { name: 'Dana Whitfield', badge_code: 'OP-9001', role: 'shift_lead', has_pin: 1 },
    { name: 'Marek Nowak', badge_code: 'OP-1001', role: 'operator', has_pin: 0 },
    { name: 'Ola Berg', badge_code: 'OP-9002', role: 'shift_lead', has_pin: 1 }
  ])
  expect(stored.prepare("select count(*) n from operators where pin_hash like '%5555%' or pin_hash not like 'scrypt$%'").get()).toEqual({
    n: 0
  })
  expect(
    stored
      .prepare(
        "select e.entity_id, o.name by_name from events e join operators o on o.id = e.operator_id where e.type = 'operator.created' order by e.rowid"
      )
      .all()
  ).toEqual([
    { entity_id: '1', by_name: 'Dana Whitfield' },
    { entity_id: '2', by_name: 'Dana Whitfield' },
    { entity_id: '3', by_name: 'Dana Whitfield' }
  ])

  // Switch operator by badge: no sign-out; an operator sees no Operators screen.
  await page.getByRole('button', { name: 'Switch operator' }).click()
  await signInByBadge(page, 'OP-1001')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Marek Nowak')
  await expect(page.getByRole('button', { name: 'Operators', exact: true })).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Operators' })).toHaveCount(0)
  // The Sync screen tells an operator what is a shift lead's, and asks the station nothing it would refuse.
  await page.getByRole('button', { name: 'Sync', exact: true }).click()
  await expect(page.getByText('Only a shift lead sees and changes how this station talks to the OMS.')).toBeVisible()
  await expect(page.getByText('Only a shift lead sees the rejected events, and re-sends or acknowledges them.')).toBeVisible()
  await expect(page.getByText('None.')).toBeVisible()
  await expect(page.getByLabel('OMS address')).toHaveCount(0)
  await expect(page.getByRole('alert')).toHaveCount(0)
  await page.screenshot({ path: test.info().outputPath('sync-operator.png') })

  // …and back by choosing the name: Ola is a shift lead, so she gives her PIN.
  await page.getByRole('button', { name: 'Switch operator' }).click()
  await page.getByRole('dialog', { name: 'Switch operator' }).getByRole('button', { name: 'Ola Berg' }).click()
  await enterSignInPin(page, '5555')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Ola Berg')
  await expect(page.getByRole('button', { name: 'Operators', exact: true })).toBeVisible()

  await page.getByRole('button', { name: 'Sign out' }).click()
  // A shift lead is offered the shift-end summary first (screens/reports/ShiftEndSummary.tsx).
  await page.getByRole('dialog', { name: 'Shift-end summary' }).getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByLabel('Badge', { exact: true })).toBeVisible()
})

test('a wrong PIN is refused with the tries left and changes nothing; five lock out; another shift lead unlocks', async ({ page, db }) => {
  await page.getByRole('button', { name: 'Load sample data' }).click()
  await signInByBadge(page, 'OP-9001')
  await page.getByRole('button', { name: 'Operators', exact: true }).click()
  await addOperator(page, 'Ola Berg', 'OP-9002', 'Shift lead', '5555')
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert', { name: 'Saved' })).toBeVisible()

  const dana = () =>
    db().prepare("select failed_pin_attempts, locked_until from operators where badge_code = 'OP-9001'").get() as {
      failed_pin_attempts: number
      locked_until: string | null
    }
  const marekActive = () => (db().prepare("select active from operators where badge_code = 'OP-1001'").get() as { active: number }).active

  await operatorRow(page, 'Marek Nowak').getByRole('button', { name: 'Deactivate' }).click()
  const dialog = page.getByRole('dialog', { name: 'Approve: deactivate Marek Nowak' })
  await approveAsShiftLead(page, 'OP-9001', '9999')
  await expect(dialog.getByRole('alert', { name: 'Not approved' })).toContainText(
    'Wrong PIN for Dana Whitfield (4 tries left). Nothing was changed.'
  )
  await expect(dialog).toBeVisible()
  expect(marekActive()).toBe(1)
  expect(dana()).toEqual({ failed_pin_attempts: 1, locked_until: null })

  // The badge stays; the PIN field is emptied and has the focus for the next try.
  await expect(dialog.getByLabel('Badge', { exact: true })).toHaveValue('OP-9001')
  await expect(dialog.getByLabel('PIN', { exact: true })).toBeFocused()
  for (const left of ['3 tries', '2 tries', '1 try']) {
    await page.keyboard.type('9999')
    await page.keyboard.press('Enter')
    await expect(dialog.getByRole('alert', { name: 'Not approved' })).toContainText(
      `Wrong PIN for Dana Whitfield (${left} left). Nothing was changed.`
    )
  }
  await page.keyboard.type('9999')
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('alert', { name: 'Not approved' })).toHaveText(
    /Wrong PIN 5 times: Dana Whitfield's approvals are locked for 5 minutes\./
  )
  expect(dana().locked_until).not.toBeNull()

  // Locked: even the right PIN is refused, and Marek stays active.
  await page.keyboard.type('1234')
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('alert', { name: 'Not approved' })).toHaveText(/approvals are locked for 5 more minutes/)
  expect(marekActive()).toBe(1)
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await expect(operatorRow(page, 'Dana Whitfield')).toContainText('Locked until')
  await operatorRow(page, 'Dana Whitfield').getByRole('button', { name: 'Unlock' }).click()
  await expect(page.getByRole('dialog', { name: 'Approve: unlock Dana Whitfield' })).toBeVisible()
  await approveAsShiftLead(page, 'OP-9002', '5555')
  await expect(page.getByRole('alert', { name: 'Saved' })).toContainText('Dana Whitfield is unlocked.')
  await expect(operatorRow(page, 'Dana Whitfield')).not.toContainText('Locked')
  expect(dana()).toEqual({ failed_pin_attempts: 0, locked_until: null })
  expect(
    db().prepare("select o.name from events e join operators o on o.id = e.operator_id where e.type = 'operator.unlocked'").all()
  ).toEqual([{ name: 'Ola Berg' }])

  // Dana approves again: Marek is deactivated, and stays in the list (history keeps who).
  await operatorRow(page, 'Marek Nowak').getByRole('button', { name: 'Deactivate' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(page.getByRole('alert', { name: 'Saved' })).toContainText('Marek Nowak is deactivated')
  await expect(operatorRow(page, 'Marek Nowak')).toContainText('Deactivated')
  expect(marekActive()).toBe(0)
})
