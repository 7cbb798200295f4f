// Labels and printing, driven like a shift lead and an operator: set the
// GS1 prefix and a network label printer (saved with a shift lead's badge and PIN), pack a box, preview its label
// (pdf.js in the page), print it to a real TCP listener standing in for the
// printer's port 9100, see an offline printer fail in the job log, and
// retry it once the printer is back.
import { createServer, type Server } from 'node:net'
import { approveAsShiftLead, expect, imei, scan, startWithSampleData, test } from './fixtures'

type Listener = { server: Server; port: number; jobs: string[] }

function listen(port = 0): Promise<Listener> {
  const jobs: string[] = []
  const server = createServer((socket) => {
    let data = ''
    socket.on('data', (chunk) => {
      const text = chunk.toString('utf8')
      if (text === '~HS')
        return socket.write('\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n\x02001,0,0,0,0,2,4,0,00000000,1,000\x03\r\n\x021234,0\x03\r\n')
      data += text
    })
    socket.on('end', () => {
      if (data) jobs.push(data)
      socket.end()
    })
    socket.on('error', () => undefined)
  })
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port, jobs }))
  )
}
const close = (l: Listener) => new Promise((r) => l.server.close(r))

test.setTimeout(120_000)

test('box label: preview, print to a 9100 printer, offline failure and retry from the job log', async ({ page }) => {
  const printer = await listen()
  try {
    await startWithSampleData(page, 'Dana Whitfield')

    // Print settings: GS1 numbers and the network label printer for box labels.
    await page.getByRole('button', { name: 'Printing', exact: true }).click()
    await page.getByRole('button', { name: 'Print settings' }).click()
    await page.getByLabel('GS1 company prefix').fill('0614141')
    await page.getByLabel('Extension digit').fill('1')
    await page.getByRole('combobox', { name: 'Box label', exact: true }).click()
    await page.getByRole('option', { name: 'Network label printer (ZPL, port 9100)' }).click()
    await page.getByLabel('Box label printer').getByLabel('Printer address').fill('127.0.0.1')
    await page.getByLabel('Box label printer').getByLabel('Port').fill(String(printer.port))
    await page.screenshot({ path: '/tmp/labels-e2e-settings.png', fullPage: true })
    await page.getByRole('button', { name: 'Save print settings' }).click()
    await approveAsShiftLead(page, 'OP-9001', '1234')
    await expect(page.getByRole('alert')).toHaveText('Print settings saved.')

    // Pack one box of SO-10001.
    await page.getByRole('button', { name: 'Orders', exact: true }).click()
    await page.getByLabel('Search').fill('404-7483840-3467836')
    await page.getByLabel('Search').press('Enter')
    await page.getByRole('button', { name: 'Used Scan' }).click()
    const units = [imei('35391611204481'), imei('35391611204482')]
    for (const u of units) {
      await scan(page, u)
      await expect(page.getByLabel('Scan result')).toContainText('OK')
    }
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByLabel('Scan result')).toContainText('saved')
    await page.getByRole('button', { name: 'Save' }).click()
    await expect(page.getByLabel('Scan result')).toContainText('confirmed')

    // Back on the order: preview the box label, then print it.
    await page.getByRole('button', { name: 'Orders', exact: true }).click()
    await page.getByLabel('Search').fill('SO-10001')
    await page.getByLabel('Search').press('Enter')
    const labels = page.getByLabel('Labels')
    await expect(labels).toContainText('Box 1 of 1 · 2 units')
    await labels.getByRole('button', { name: 'Box label' }).click()
    // pdf.js draws on the page's own thread; on a busy machine that takes a while.
    await expect(page.getByRole('img', { name: /Box label · SO-10001 · box 1 of 1, page 1 of 1/ })).toBeVisible({ timeout: 30_000 })
    await expect(page.getByLabel('SSCC')).toHaveText(/^SSCC 10614141\d{10}$/)
    const sscc = (await page.getByLabel('SSCC').textContent())!.slice(5)
    await page.screenshot({ path: '/tmp/labels-e2e-preview.png' })
    await page.getByRole('button', { name: 'Print', exact: true }).click()
    await expect(page.getByRole('alert', { name: 'Printed' })).toContainText(`Sent to 127.0.0.1:${printer.port} (ZPL 203 dpi).`)
    await expect.poll(() => printer.jobs.length).toBe(1)
    expect(printer.jobs[0]).toContain(`>;>800${sscc}`)
    for (const u of units) expect(printer.jobs[0]).toContain(u)

    // The printer goes offline: a reprint fails with a clear message.
    await close(printer)
    await page.getByRole('button', { name: 'Reprint', exact: true }).click()
    await expect(page.getByRole('alert', { name: 'Printing failed' })).toContainText(`The printer at 127.0.0.1:${printer.port} is offline`)
    await page.getByRole('button', { name: 'Close' }).click()

    // The job log shows both; the printer comes back; Retry prints the failed one.
    await page.getByRole('button', { name: 'Printing', exact: true }).click()
    const jobs = page.getByRole('table', { name: 'Print jobs' })
    await expect(jobs.locator('[data-job-status=failed]')).toHaveCount(1)
    await expect(jobs.locator('[data-job-status=printed]')).toHaveCount(1)
    await expect(jobs).toContainText('is offline')
    await page.screenshot({ path: '/tmp/labels-e2e-jobs-failed.png', fullPage: true })
    const back = await listen(printer.port)
    try {
      await jobs.getByRole('button', { name: 'Retry' }).click()
      await expect(jobs.locator('[data-job-status=printed]')).toHaveCount(2)
      await expect.poll(() => back.jobs.length).toBe(1)
      expect(back.jobs[0]).toContain(`>;>800${sscc}`)
    } finally {
      await close(back)
    }
  } finally {
    if (printer.server.listening) await close(printer)
  }
})

test('print settings need a shift lead’s badge and PIN: an operator’s own badge is refused, nothing saved', async ({ page, db }) => {
  await startWithSampleData(page)
  await page.getByRole('button', { name: 'Printing', exact: true }).click()
  await page.getByRole('button', { name: 'Print settings' }).click()
  await page.getByLabel('GS1 company prefix').fill('0614141')
  await page.getByRole('button', { name: 'Save print settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Approve: change the print settings' })
  await approveAsShiftLead(page, 'OP-1001', '1111')
  await expect(dialog.getByRole('alert', { name: 'Not approved' })).toContainText(
    "Marek Nowak is not a shift lead: change the print settings needs a shift lead's approval."
  )
  const gs1 = () => db().prepare("select count(*) n from settings where value like '%0614141%'").get()
  expect(gs1()).toEqual({ n: 0 })

  // The shift lead comes over and approves: saved.
  await approveAsShiftLead(page, 'OP-9001', '1234')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('alert')).toHaveText('Print settings saved.')
  expect(gs1()).toEqual({ n: 1 })
})
