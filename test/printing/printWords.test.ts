// Print failures travel as catalogue words: worded in English they are the sentences the station always said
// (the job log's `error`, e2e), and a Polish station words them in Polish.
import { describe, expect, it } from 'vitest'
import { mainCatalogue } from '../../src/main/core/i18n/catalogue'
import { english } from '../../src/main/core/errors'
import { sendRaw } from '../../src/main/printing/rawTcp'
import { PrintError } from '../../src/main/printing/spooler'
import { wordSentence } from '../../src/shared/words'
import { createServer } from 'node:net'

const polish = (error: PrintError) => wordSentence(mainCatalogue().getFixedT('pl'), error.words!)

/** A port nothing listens on: opened, then closed again. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('print failure words', () => {
  it('an offline network printer: the English message as before, its words in Polish', async () => {
    const port = await freePort()
    const error = await sendRaw({ host: '127.0.0.1', port }, 'X', { connectTimeoutMs: 2000 }).catch((e: PrintError) => e)
    expect(error).toBeInstanceOf(PrintError)
    const failure = error as PrintError
    expect(failure.message).toBe(
      `The printer at 127.0.0.1:${port} is offline: nothing accepts print jobs there. Switch it on or check the address in Print settings, then press Retry.`
    )
    expect(failure.words).toEqual({ key: 'printing:problem.offline', params: { where: `127.0.0.1:${port}` } })
    expect(english(failure.words!)).toBe(failure.message)
    expect(polish(failure)).toBe(
      `Drukarka 127.0.0.1:${port} jest niedostępna: nic tam nie przyjmuje wydruków. Włącz ją albo sprawdź adres w ustawieniach drukowania, potem wydrukuj ponownie.`
    )
  })

  it.each([
    [
      { key: 'printing:problem.notInstalled', params: { command: 'lpstat' } },
      'lpstat is not installed: printing to a system queue needs CUPS (apt-get install cups-client), or choose a network (port 9100) printer.'
    ],
    [
      { key: 'printing:problem.stoppedBecause', params: { queue: 'Zebra', reason: 'Paper out' } },
      'Printer Zebra is stopped: Paper out. Fix the printer, then press Retry.'
    ],
    [{ key: 'printing:problem.stopped', params: { queue: 'Zebra' } }, 'Printer Zebra is stopped. Fix the printer, then press Retry.'],
    [{ key: 'printing:problem.spoolerTimeout', params: { seconds: 5 } }, 'The print spooler did not answer within 5 s.']
  ])('%j reads in English as it did', (words, sentence) => {
    const error = new PrintError('failed', words)
    expect(error.message).toBe(sentence)
    expect(polish(error)).not.toContain('{{')
  })
})
