// Packing evidence in the specs (browser host only: Electron has no fake camera switch): Chromium's
// test-pattern camera with the permission prompt answered yes, and a shift lead turning recording on.
import type { Page } from '@playwright/test'
import config from '../playwright.config'
import { approveAsShiftLead, expect } from './fixtures'

export const fakeCamera = {
  launchOptions: {
    ...config.use?.launchOptions,
    args: [...(config.use?.launchOptions?.args ?? []), '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
  }
}

/** Settings → Packing evidence: recording on, saved with the sample shift lead's approval. */
export async function turnEvidenceOn(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const panel = page
    .getByRole('heading', { name: 'Packing evidence' })
    .locator('xpath=ancestor::div[contains(@class,"mantine-Paper-root")]')
  await panel.getByLabel("Record each order's packing with the camera over the bench").check()
  await panel.getByRole('button', { name: 'Save packing evidence settings' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(panel.getByRole('alert').filter({ hasText: 'Packing evidence settings saved.' })).toBeVisible()
}
