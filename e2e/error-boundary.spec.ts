// A screen that throws while drawing (SPEC §9: the operator sees what happened
// and what to do): the order screen is fed an answer it cannot draw, by
// rewriting the station's answer on its way to the page. The screen shows a
// plain message instead of a white window, the rest of the station keeps
// working, and the error reaches the station's log. Browser host only
// (e2e/electronBinary.ts): Electron's IPC has no WebSocket to rewrite.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, startWithSampleData, test } from './fixtures'

const ORDER = 'SO-10001'

function stationLog(dataDir: string): string {
  const folder = join(dataDir, 'logs')
  if (!existsSync(folder)) return ''
  return readdirSync(folder)
    .map((name) => readFileSync(join(folder, name), 'utf8'))
    .join('\n')
}

test('a screen that cannot draw its order shows a plain message, and the station goes on', async ({ page, dataDir }) => {
  await startWithSampleData(page)
  await page.routeWebSocket(/\/station\?token=/, (ws) => {
    const server = ws.connectToServer()
    ws.onMessage((message) => server.send(message))
    server.onMessage((message) => {
      const answer = JSON.parse(String(message)) as { envelope?: { ok: boolean; value?: { orderNumber?: string; lines?: unknown } } }
      // The order's lines as something no screen can draw.
      if (answer.envelope?.ok && answer.envelope.value?.orderNumber === ORDER && answer.envelope.value.lines) {
        answer.envelope.value.lines = 42
      }
      ws.send(JSON.stringify(answer))
    })
  })
  await page.reload()
  await expect(page.getByLabel('Signed in operator')).toHaveText('Marek Nowak')

  await page.getByRole('button', { name: 'Orders', exact: true }).click()
  await page.getByLabel('Search').fill(ORDER)
  await page.getByLabel('Search').press('Enter')
  const failed = page.getByRole('alert', { name: 'Screen error' })
  await expect(failed).toContainText('This screen stopped working')
  await expect(failed).toContainText('Every scan saved so far is kept')
  await expect(page.getByLabel('Signed in operator')).toHaveText('Marek Nowak')
  await page.screenshot({ path: test.info().outputPath('screen-error.png') })

  await expect.poll(() => stationLog(dataDir)).toContain('screen failed to draw')

  await page.getByRole('button', { name: 'Back to orders' }).click()
  await expect(failed).toBeHidden()
  await expect(page.getByLabel('Search')).toBeVisible()
})
