// Sign-in with a PIN (SPEC §2), driven like the people at the station: a
// shift lead always gives their PIN — choosing the name or scanning the badge
// is not enough, a wrong PIN is refused with the tries left — while an
// operator signs in without one until a shift lead turns on "Operators sign in
// with a PIN too" (itself a change approved with a shift lead's badge and PIN).
import { approveAsShiftLead, electronBinary, enterSignInPin, expect, signInByBadge, startWithSampleData, test } from './fixtures'

const DANA = { name: 'Dana Whitfield', badge: 'OP-9001', pin: '1234' }

test('a shift lead is not signed in without the PIN, whatever the client sends; a wrong PIN is refused with the tries left; the right one signs in', async ({
  page,
  db
}) => {
  await page.getByRole('button', { name: 'Load sample data' }).click()

  // The refusal is the station's, not the screen's: a call without the PIN is refused over the wire too (the browser
  // host's wire; checked here rather than on a station of its own, which would cost a start of the host and the page).
  if (!electronBinary()) {
    await expect(page.getByRole('button', { name: DANA.name })).toBeVisible()
    const answers = await page.evaluate(async (badgeCode) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="station-token"]')!.content
      const ws = new WebSocket(`ws://${location.host}/station?token=${token}`)
      await new Promise((r) => (ws.onopen = r))
      let id = 0
      const call = (channel: string, args: unknown) =>
        new Promise<unknown>((resolve) => {
          ws.onmessage = (e) => resolve(JSON.parse(String(e.data)).envelope)
          ws.send(JSON.stringify({ id: ++id, channel, args }))
        })
      return [await call('operators:signIn', { badgeCode }), await call('operators:current', {})]
    }, DANA.badge)
    expect(answers).toEqual([
      {
        ok: false,
        error: {
          code: 'pin_required',
          message: 'Shift leads sign in with their PIN: Dana Whitfield, enter your PIN.',
          key: 'refusals:operators.leadPinToSignIn',
          params: { name: 'Dana Whitfield' }
        }
      },
      { ok: true, value: null }
    ])
  }

  await page.getByRole('button', { name: DANA.name }).click()

  // Choosing the name only asks for the PIN: nobody is signed in yet.
  await expect(page.getByLabel('PIN needed')).toHaveText('Shift leads sign in with their PIN: Dana Whitfield, enter your PIN.')
  const pin = page.getByLabel('PIN', { exact: true })
  await expect(pin).toBeFocused()
  await expect(page.getByLabel('Signed in operator')).toHaveCount(0)

  await page.keyboard.type('9999')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert', { name: 'Not signed in' })).toContainText('Wrong PIN for Dana Whitfield (4 tries left).')
  await expect(pin).toHaveValue('')
  await expect(pin).toBeFocused()
  await expect(page.getByLabel('Signed in operator')).toHaveCount(0)
  const attempts = () => db().prepare('select failed_pin_attempts n from operators where badge_code = ?').get(DANA.badge)
  expect(attempts()).toEqual({ n: 1 })
  await page.screenshot({ path: '/tmp/pw-sign-in-pin.png' })

  await enterSignInPin(page, DANA.pin)
  await expect(page.getByLabel('Signed in operator')).toHaveText(DANA.name)
  expect(attempts()).toEqual({ n: 0 })

  // Scanning the badge asks for the PIN too; Back returns to the badge and the names.
  await page.getByRole('button', { name: 'Sign out' }).click()
  // A shift lead is offered the shift-end summary first (screens/reports/ShiftEndSummary.tsx).
  await page.getByRole('dialog', { name: 'Shift-end summary' }).getByRole('button', { name: 'Sign out' }).click()
  await signInByBadge(page, DANA.badge, '')
  await expect(page.getByLabel('PIN needed')).toHaveText('Shift leads sign in with their PIN: Dana Whitfield, enter your PIN.')
  await page.getByRole('button', { name: 'Back' }).click()
  await expect(page.getByLabel('Badge', { exact: true })).toBeFocused()
  await expect(page.getByLabel('Signed in operator')).toHaveCount(0)
  await signInByBadge(page, DANA.badge)
  await expect(page.getByLabel('Signed in operator')).toHaveText(DANA.name)
})

test('an operator signs in without a PIN until the station asks operators for one', async ({ page, db }) => {
  // Many sign-ins and approvals in one story: more than the default minute on a busy machine.
  test.setTimeout(120_000)
  await startWithSampleData(page, 'Marek Nowak')

  // Dana gives Marek a PIN (Operators → Set PIN, approved with her badge and PIN).
  await page.getByRole('button', { name: 'Switch operator' }).click()
  await signInByBadge(page, DANA.badge)
  await expect(page.getByLabel('Signed in operator')).toHaveText(DANA.name)
  await page.getByRole('button', { name: 'Operators', exact: true }).click()
  const marekRow = page.getByRole('table', { name: 'Operators' }).getByRole('row').filter({ hasText: 'Marek Nowak' })
  await marekRow.getByRole('button', { name: 'Set PIN' }).click()
  await page.getByRole('dialog', { name: 'Set PIN: Marek Nowak' }).getByLabel('New PIN').fill('4321')
  await page.getByRole('dialog', { name: 'Set PIN: Marek Nowak' }).getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('dialog', { name: 'Approve: set the PIN of Marek Nowak' })).toBeVisible()
  await approveAsShiftLead(page, DANA.badge, DANA.pin)
  await expect(page.getByRole('alert', { name: 'Saved' })).toContainText('Marek Nowak has a new PIN.')

  // A new operator may get a PIN when added.
  await page.getByRole('button', { name: 'Add operator' }).click()
  const form = page.getByRole('dialog', { name: 'Add operator', exact: true })
  await form.getByLabel('Name').fill('Ola Berg')
  await form.getByLabel('Badge code').fill('OP-1003')
  await form.getByLabel('PIN').fill('2468')
  await form.getByRole('button', { name: 'Save' }).click()
  await approveAsShiftLead(page, DANA.badge, DANA.pin)
  await expect(page.getByRole('alert', { name: 'Saved' })).toContainText('Ola Berg (badge OP-1003) added as operator.')
  const ola = db().prepare("select role, pin_hash like 'scrypt$%' hashed from operators where badge_code = 'OP-1003'").get()
  expect(ola).toEqual({ role: 'operator', hashed: 1 })

  // The setting is off: Marek still signs in by name alone.
  await page.getByRole('button', { name: 'Switch operator' }).click()
  await page.getByRole('dialog', { name: 'Switch operator' }).getByRole('button', { name: 'Marek Nowak' }).click()
  await expect(page.getByLabel('Signed in operator')).toHaveText('Marek Nowak')

  // Dana turns the setting on in Settings; the save waits for a shift lead's badge and PIN.
  await page.getByRole('button', { name: 'Switch operator' }).click()
  await signInByBadge(page, DANA.badge)
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByLabel('Operators sign in with a PIN too').check()
  await page.getByRole('button', { name: 'Save settings' }).click()
  const approval = page.getByRole('dialog', { name: 'Approve: change the station settings' })
  await expect(approval).toBeVisible()
  await page.screenshot({ path: '/tmp/pw-approval-settings.png' })
  const setting = () => db().prepare("select value from settings where key = 'operatorSignInPin'").get() as { value: string } | undefined
  expect(setting()?.value ?? 'false').toBe('false')
  await approveAsShiftLead(page, DANA.badge, DANA.pin)
  await expect(approval).toBeHidden()
  await expect(page.getByRole('alert').filter({ hasText: 'Settings saved.' })).toBeVisible()
  expect(setting()).toEqual({ value: 'true' })

  // Now Marek and Ola give their PINs; Aisha, who has none, is told to get one.
  await page.getByRole('button', { name: 'Sign out' }).click()
  // A shift lead is offered the shift-end summary first (screens/reports/ShiftEndSummary.tsx).
  await page.getByRole('dialog', { name: 'Shift-end summary' }).getByRole('button', { name: 'Sign out' }).click()
  await page.getByRole('button', { name: 'Marek Nowak' }).click()
  await expect(page.getByLabel('PIN needed')).toHaveText('This station asks every operator for their PIN: Marek Nowak, enter your PIN.')
  await expect(page.getByLabel('Signed in operator')).toHaveCount(0)
  await enterSignInPin(page, '4321')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Marek Nowak')
  await page.getByRole('button', { name: 'Switch operator' }).click()
  await signInByBadge(page, 'OP-1003', '2468')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Ola Berg')

  await page.getByRole('button', { name: 'Switch operator' }).click()
  await signInByBadge(page, 'OP-1002', '1111')
  const refusal = page.getByRole('alert', { name: 'Not signed in' })
  await expect(refusal).toContainText('Aisha Rahman has no PIN yet: a shift lead sets one on the Operators screen.')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Ola Berg')
})
