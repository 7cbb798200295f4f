// The first-run guide on an empty station, driven the way IT sets a station
// up: name and id, the GS1 prefix (a typo refused), the OMS (plain http to
// another host refused), the first shift lead, an order file, printers and a
// test print, a test scan, sample data — then signed in as the new shift lead,
// and the guide is gone for good. Each step is photographed for a look.
import { resolve } from 'node:path'
import { enterSignInPin, expect, imei, signInByBadge, test } from './fixtures'

const SAMPLE = resolve(import.meta.dirname, '../resources/sample-orders.json')
const shot = (name: string) => ({ path: `/tmp/first-run-shots/${name}.png`, fullPage: true })

test('the first-run guide sets up an empty station and signs in its first shift lead', async ({ page, db }) => {
  await expect(page.getByText('This station has no operators and no orders yet.')).toBeVisible()
  await page.screenshot(shot('0-empty-station'))
  await page.getByRole('button', { name: 'Set up this station step by step' }).click()

  // 1. Station
  const step = (name: string) => page.getByLabel(`Step: ${name}`)
  await expect(step('Station')).toBeVisible()
  await page.getByLabel('Station name').fill('Hall 2 bench 3')
  await page.getByLabel('Station id').fill('ST-HALL2-03')
  await page.screenshot(shot('1-station'))
  await page.getByRole('button', { name: 'Save and continue' }).click()

  // 2. GS1 prefix: a letter in it is named at once; digits are saved.
  await expect(step('GS1 prefix')).toBeVisible()
  await page.getByLabel('GS1 company prefix').fill('40123A5')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByRole('alert')).toContainText('7 to 10 digits')
  await page.getByLabel('GS1 company prefix').fill('4012345')
  await page.getByLabel('Extension digit').fill('3')
  await page.screenshot(shot('2-gs1'))
  await page.getByRole('button', { name: 'Save and continue' }).click()

  // 3. Orders: the OMS's address follows the Sync screen's rules.
  await expect(step('Orders')).toBeVisible()
  await page.getByText('The OMS', { exact: true }).click()
  await page.getByLabel('OMS address').fill('http://oms.example.com')
  await page.getByLabel('OMS token').fill('guide-secret-token')
  await page.getByRole('button', { name: 'Save and continue' }).click()
  await expect(page.getByRole('alert')).toContainText('must start with https://')
  await page.screenshot(shot('3-oms-refused'))
  await page.getByLabel('OMS address').fill('http://127.0.0.1:9')
  await page.getByRole('button', { name: 'Save and continue' }).click()

  // 4. The first shift lead (cannot be skipped): created and signed in.
  await expect(step('Shift lead')).toBeVisible()
  await expect(step('Shift lead').getByRole('button', { name: /^Skip/ })).toHaveCount(0)
  await page.getByLabel('Name').fill('Dana Whitfield')
  await page.getByLabel('Badge code').fill('OP-9001')
  await page.getByLabel('PIN').fill('1234')
  await page.screenshot(shot('4-shift-lead'))
  await page.getByRole('button', { name: 'Create shift lead and sign in' }).click()

  // 5. Import: the Import screen itself.
  await expect(step('Import')).toBeVisible()
  await page.getByLabel('Order file').click()
  await page.locator('input[type=file]').setInputFiles(SAMPLE)
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  await expect(page.getByRole('alert', { name: 'Import finished' })).toContainText('15 imported')
  await page.screenshot(shot('5-import'))
  await page.getByRole('button', { name: 'Next step' }).click()

  // 6. Printers: the Print settings screen; a test print with no printer chosen says so.
  await expect(step('Printers')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Print settings' })).toBeVisible()
  await page.getByRole('button', { name: 'Test print: a packing slip' }).click()
  await expect(step('Printers').getByRole('alert').last()).toContainText(/printer/i)
  await page.screenshot(shot('6-printers'))
  await page.getByRole('button', { name: 'Next step' }).click()

  // 7. Test scan: the Scanners screen's Test scan, typed as a keyboard wedge does.
  await expect(step('Test scan')).toBeVisible()
  const serial = imei('35391611204481')
  await page.getByLabel('Keyboard-wedge test').focus()
  await page.keyboard.type(serial, { delay: 5 })
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Last scan')).toContainText(serial)
  await page.screenshot(shot('7-test-scan'))
  await page.getByRole('button', { name: 'Next step' }).click()

  // 8. Sample data on request: the orders are here already, the demo operators never come.
  await expect(step('Sample data')).toBeVisible()
  await page.getByRole('button', { name: 'Load sample data' }).click()
  await expect(step('Sample data').getByRole('alert')).toContainText('0 orders imported, 15 already here')
  await page.screenshot(shot('8-sample-data'))
  await page.getByRole('button', { name: 'Finish' }).click()

  await expect(page.getByLabel('Signed in operator')).toHaveText('Dana Whitfield')
  await page.screenshot(shot('9-signed-in'))

  const settings = Object.fromEntries(
    (db().prepare('select key, value from settings').all() as { key: string; value: string }[]).map((r) => [r.key, JSON.parse(r.value)])
  )
  expect(settings).toMatchObject({
    stationId: 'ST-HALL2-03',
    stationName: 'Hall 2 bench 3',
    'labels.gs1': { companyPrefix: '4012345', extensionDigit: 3 },
    'sync.oms': { baseUrl: 'http://127.0.0.1:9' }
  })
  expect(db().prepare('select name, role from operators').all()).toEqual([{ name: 'Dana Whitfield', role: 'shift_lead' }])

  // Signed out, the station is set up: sign-in, no guide; the new shift lead signs in with badge and PIN.
  await page.getByRole('button', { name: 'Sign out' }).click()
  // Where the station shows a shift-end summary at sign-out, sign out from it too.
  const summary = page.getByRole('dialog', { name: 'Shift-end summary' })
  await expect(page.getByLabel('Badge', { exact: true }).or(summary)).toBeVisible()
  if (await summary.isVisible()) await summary.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('button', { name: 'Set up this station step by step' })).toHaveCount(0)
  await signInByBadge(page, 'OP-9001', '1234')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Dana Whitfield')
})

test('the quick paths stay: sample data, or only the first shift lead', async ({ page }) => {
  await page.getByLabel('Name').fill('Lee Second')
  await page.getByLabel('Badge code').fill('OP-9002')
  await page.getByLabel('PIN').fill('5678')
  await page.getByRole('button', { name: 'Create shift lead' }).click()
  await page.getByRole('button', { name: 'Lee Second' }).click()
  await enterSignInPin(page, '5678')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Lee Second')
})
