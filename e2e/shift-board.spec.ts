// The shift lead's view, end to end: an operator packs an order with two
// refusals on the way, the shift lead signs in, opens the Shift board and
// sees those figures, runs a shift report and saves it as PDF, then signs
// out through the shift-end summary.
import { existsSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expect, imei, openOrder, scan, startWithSampleData, test, enterSignInPin } from './fixtures'

const tile = (page: Page, label: string) => page.getByLabel(label, { exact: true }).locator('[data-figure]')

test('the shift board shows the scans, refusals and boxes of the shift; a report saves as PDF', async ({ page, db }) => {
  await startWithSampleData(page, 'Marek Nowak')
  // Marek has no Shift board: it is a shift lead's.
  await expect(page.getByRole('button', { name: 'Shift board' })).toHaveCount(0)

  await openOrder(page, 'SO-10001', 'SO-10001')
  await page.getByRole('button', { name: 'Used Scan' }).click()
  const first = imei('35391611204481')
  const second = imei('35391611204482')
  await scan(page, first)
  await expect(page.getByLabel('Scan result')).toContainText('OK')
  await scan(page, `${first.slice(0, 14)}${(Number(first[14]) + 1) % 10}`)
  await expect(page.getByLabel('Scan result')).toContainText('INVALID SERIAL')
  await scan(page, first)
  await expect(page.getByLabel('Scan result')).toContainText('DUPLICATE')
  await scan(page, second)
  await expect(page.getByLabel('Scan Count')).toHaveText('2')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByLabel('Scan result')).toContainText('saved')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByLabel('Scan result')).toContainText('confirmed')
  await page.getByRole('button', { name: 'Packing Confirmation' }).click()
  await page.getByRole('button', { name: 'Confirm', exact: true }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'is packed' })).toBeVisible()

  // Marek signs out (no summary for an operator); Dana signs in with her PIN.
  await page.getByRole('button', { name: 'Sign out' }).click()
  await page.getByRole('button', { name: 'Dana Whitfield' }).click()
  await enterSignInPin(page, '1234')
  await page.getByRole('button', { name: 'Shift board' }).click()

  await expect(tile(page, 'Units scanned today')).toHaveText('2')
  await expect(tile(page, 'Orders packed')).toHaveText('1')
  await expect(tile(page, 'Boxes confirmed')).toHaveText('1')
  await expect(tile(page, 'Refusals')).toHaveText('2')
  await expect(tile(page, 'Print failures')).toHaveText('0')
  const marek = page.getByRole('row').filter({ hasText: 'Marek Nowak' })
  await expect(marek.getByRole('cell').nth(1)).toHaveText('2')
  await expect(page.locator('[data-refusal-class=invalid_serial]')).toContainText('check digit is wrong')
  await expect(page.locator('[data-refusal-class=duplicate]')).toContainText('SO-10001')
  await expect(page.locator('[data-chart=units] .recharts-bar-rectangle').first()).toBeVisible()
  // The board's figures are the database's.
  const refusals = db().prepare('select class, count(*) as n from scan_refusals group by class order by class').all()
  expect(refusals).toEqual([
    { class: 'duplicate', n: 1 },
    { class: 'invalid_serial', n: 1 }
  ])
  await page.screenshot({ path: 'test-results/shift-board-live.png', fullPage: true })

  // The shift report for today, Marek only, saved as a PDF.
  await page.getByRole('tab', { name: 'Shift report' }).click()
  await page.getByRole('combobox', { name: 'Operator' }).click()
  await page.getByRole('option', { name: 'Marek Nowak' }).click()
  await page.getByRole('button', { name: 'Show' }).click()
  await expect(tile(page, 'Units scanned')).toHaveText('2')
  await page.getByRole('button', { name: 'Save PDF' }).click()
  const saved = page.getByRole('status').filter({ hasText: 'Saved:' })
  await expect(saved).toBeVisible()
  const path = (await saved.textContent())!.replace(/^Saved: /, '').trim()
  expect(path).toMatch(/reports\/shift-report-.*-operator\d+\.pdf$/)
  expect(existsSync(path)).toBe(true)
  await page.screenshot({ path: 'test-results/shift-board-report.png', fullPage: true })

  // Signing out, the shift lead is offered the shift-end summary first.
  await page.getByRole('button', { name: 'Sign out' }).click()
  const summary = page.getByRole('dialog', { name: 'Shift-end summary' })
  await expect(summary).toBeVisible()
  await expect(summary.getByLabel('Units scanned', { exact: true }).locator('[data-figure]')).toHaveText('2')
  await page.screenshot({ path: 'test-results/shift-board-summary.png' })
  await summary.getByRole('button', { name: 'Sign out' }).click()
  await expect(page.getByRole('button', { name: 'Dana Whitfield' })).toBeVisible()
})
