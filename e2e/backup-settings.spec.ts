// Settings → Backups, driven like a shift lead: the folder, how often and how
// many kept, saved with badge and PIN (a folder that is not a full path is
// refused in the approval dialog); "Back up now" shows where the backup went,
// and when the folder has gone, the plain reason nothing was taken.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { approveAsShiftLead, expect, startWithSampleData, test } from './fixtures'

test('backup settings and Back up now', async ({ page, db, dataDir }) => {
  // Four shift-lead approvals and two checked backups (each checked on a worker thread) on a shared 2-core runner.
  test.slow()
  await startWithSampleData(page, 'Dana Whitfield')
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const panel = page.getByRole('region', { name: 'Backups' })
  await expect(panel.getByTestId('backups-in-use')).toContainText(join(dataDir, 'backups'))

  // A folder that is not a full path: refused in the dialog, nothing saved.
  await panel.getByLabel('Backup folder (full path)').fill('backups-here')
  await panel.getByRole('button', { name: 'Save backup settings' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  const dialog = page.getByRole('dialog', { name: /^Approve: / })
  await expect(dialog).toContainText('must be a full path')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()

  // A second disk: every 15 minutes, 3 kept.
  const share = join(dataDir, '..', `${dataDir.split(/[\\/]/).pop()}-second-disk`)
  await panel.getByLabel('Backup folder (full path)').fill(share)
  await panel.getByLabel('Back up every (minutes)').fill('15')
  await panel.getByLabel('Backups kept').fill('3')
  await panel.getByRole('button', { name: 'Save backup settings' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(panel.getByRole('status')).toHaveText('Backup settings saved.')
  await expect(panel.getByTestId('backups-in-use')).toContainText(`Backups go to ${share}`)
  await expect(panel.getByTestId('backups-in-use')).toContainText('No backup there yet.')
  const saved = db().prepare("select key, value from settings where key like 'backup%' order by key").all()
  expect(saved).toEqual([
    { key: 'backupEveryMinutes', value: '15' },
    { key: 'backupFolder', value: JSON.stringify(share) },
    { key: 'backupKeep', value: '3' }
  ])

  // Back up now: the path on screen is the file on the second disk.
  await panel.getByRole('button', { name: 'Back up now' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(panel.getByRole('status')).toContainText(`Backup written to ${share}`)
  const files = readdirSync(share).filter((name) => name.endsWith('.db'))
  expect(files.length).toBeGreaterThanOrEqual(1)
  const shown = (await panel.getByRole('status').textContent())!.replace('Backup written to ', '')
  expect(existsSync(shown)).toBe(true)
  await expect(panel.getByTestId('backups-in-use')).toContainText(`Newest backup: `)
  await expect(panel.getByTestId('backups-in-use')).toContainText(shown)
  await panel.screenshot({ path: 'test-results/backup-settings.png' })

  // The share is gone (a file where the folder was): the panel says why, and nothing was taken.
  rmSync(share, { recursive: true })
  writeFileSync(share, 'not a folder')
  await panel.getByRole('button', { name: 'Back up now' }).click()
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(dialog).toBeHidden()
  await expect(panel.getByRole('status')).toHaveText(
    `No backup was taken: the backup folder ${share} cannot be reached or is not a folder.`
  )
  await expect(panel.getByTestId('backups-in-use')).toContainText('No backup there yet.')
  await panel.screenshot({ path: 'test-results/backup-settings-failed.png' })
  rmSync(share)
})
