// A failed print job's error is stored with its catalogue words: after the station is closed and opened again
// (a restart), the job still reads in each operator's language. Jobs logged before the words were stored keep
// their English. A real SQLite file, a real closed port on 127.0.0.1 for the "offline" printer.
import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { translator } from '../../src/main/core/i18n/catalogue'
import { savePrintSettings, getPrintSettings } from '../../src/main/core/labels/printSettings'
import { getJob, listJobs, updateJob } from '../../src/main/printing/jobs'
import { printLabel } from '../../src/main/printing/printLabel'
import { i18n } from '../../src/renderer/src/i18n'
import { answerText, errorMessage } from '../../src/renderer/src/useAction'
import { wordSentence } from '../../src/shared/words'
import { catchError, cleanup, openTestStation } from '../core/helpers'
import { labelStation } from '../labels/fixtures'

afterEach(async () => {
  await i18n.changeLanguage('en')
  cleanup()
})

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const { port } = server.address() as { port: number }
  await new Promise((r) => server.close(r))
  return port
}

const quick = { raw: { connectTimeoutMs: 1000, statusTimeoutMs: 300, sendTimeoutMs: 2000 } }

/** A shipping label sent to a printer that is not there: a failed job in the log. Returns the station's data folder. */
async function failedJob() {
  const t = labelStation()
  const port = await closedPort()
  const settings = getPrintSettings(t.db)
  const target = { type: 'network' as const, host: '127.0.0.1', port, language: 'zpl' as const, dpi: 203 as const }
  savePrintSettings(t.db, { ...settings, printers: { ...settings.printers, shipping_label: target } })
  const context = { db: t.db, clock: t.clock, signedIn: () => null, notify: () => undefined }
  const job = await printLabel(context, { kind: 'shipping_label', orderId: t.orderId }, quick)
  expect(job.status).toBe('failed')
  t.close()
  return { dataDir: t.dataDir, jobId: job.id, port }
}

describe('a failed print job after a restart', () => {
  it('still carries its words, and reads in Polish on the PrintJobs list and the order screen', async () => {
    const { dataDir, jobId, port } = await failedJob()
    const reopened = openTestStation(dataDir)
    const [job] = listJobs(reopened.db, {})
    expect(job).toMatchObject({ id: jobId, status: 'failed', errorWords: { key: 'printing:problem.offline' } })
    expect(getJob(reopened.db, jobId).errorWords).toEqual(job.errorWords)
    expect(job.error).toBe(wordSentence(translator('en', 'printing'), job.errorWords!))
    const polish = wordSentence(translator('pl', 'printing'), job.errorWords!)
    expect(polish).toContain(`127.0.0.1:${port}`)
    expect(polish).not.toBe(job.error)
    await i18n.changeLanguage('pl')
    expect(answerText({ message: job.error!, words: job.errorWords })).toBe(polish)
  })

  it('a job logged before its words were stored shows its English', async () => {
    const { dataDir, jobId } = await failedJob()
    const reopened = openTestStation(dataDir)
    reopened.sqlite.prepare('update print_jobs set error_words = null where id = ?').run(jobId)
    const job = getJob(reopened.db, jobId)
    expect(job.errorWords).toBeUndefined()
    await i18n.changeLanguage('pl')
    expect(answerText({ message: job.error!, words: job.errorWords })).toBe(job.error)
  })

  it('printing it again clears the stored words with the error', async () => {
    const { dataDir, jobId } = await failedJob()
    const reopened = openTestStation(dataDir)
    updateJob(reopened.db, reopened.clock, jobId, { status: 'printed' })
    expect(reopened.sqlite.prepare('select error, error_words from print_jobs where id = ?').get(jobId)).toEqual({
      error: null,
      error_words: null
    })
    expect(getJob(reopened.db, jobId).errorWords).toBeUndefined()
  })

  it('asking for a job that is not there is refused with catalogue words', async () => {
    const t = openTestStation()
    const refusal = catchError(() => getJob(t.db, 'no-such-job'))
    expect(refusal).toMatchObject({ code: 'not_found', key: 'refusals:labels.noPrintJob', message: 'There is no print job no-such-job.' })
    await i18n.changeLanguage('pl')
    expect(errorMessage(refusal)).toBe('Nie ma zadania drukowania no-such-job.')
  })
})
