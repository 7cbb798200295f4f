// Printer discovery for the settings screen: the CUPS queues (lpstat) and,
// in Electron, the printers Chromium sees. Whatever cannot be asked is
// reported as a problem, not an error: the other sources still answer.
import type { DiscoveredPrinter } from '../../shared/labels'
import type { Words } from '../../shared/words'
import { english } from '../core/errors'
import { platformPrinting } from './platform'
import { listQueues, PrintError, queueNameProblem, type SpoolerOptions } from './spooler'

/** The printers found, and what could not be asked: `problems` in English, `problemWords` the same as catalogue words. */
export async function discoverPrinters(
  options: SpoolerOptions = {}
): Promise<{ printers: DiscoveredPrinter[]; problems: string[]; problemWords: Words[] }> {
  const printers: DiscoveredPrinter[] = []
  const problemWords: Words[] = []
  try {
    const { queues, defaultQueue } = await listQueues(options)
    for (const queue of queues) {
      // CUPS allows names (a leading '-', an instance "Queue/copy") that the settings refuse: offering one would
      // fail the whole answer, and printing to it would be refused anyway.
      const problem = queueNameProblem(queue)
      if (problem) {
        const shown = JSON.stringify(queue).slice(0, 80)
        problemWords.push({ key: 'printing:problem.queueNotOffered', params: { queue: shown, problem } })
        continue
      }
      printers.push({
        target: { type: 'spooler', queue, language: 'pdf', dpi: 203 },
        label: `${queue} (CUPS)`,
        source: 'cups',
        isDefault: queue === defaultQueue
      })
    }
  } catch (error) {
    problemWords.push(
      error instanceof PrintError && error.words
        ? error.words
        : { key: 'printing:problem.cupsList', params: { error: (error as Error).message } }
    )
  }
  const platform = platformPrinting()
  if (platform) {
    try {
      const known = new Set(printers.map((p) => (p.target.type === 'spooler' ? p.target.queue : '')))
      for (const p of await platform.listPrinters()) {
        if (known.has(p.name)) continue
        printers.push({
          target: { type: 'electron', name: p.name, language: 'pdf' },
          label: p.displayName || p.name,
          source: 'electron',
          isDefault: p.isDefault
        })
      }
    } catch (error) {
      problemWords.push({ key: 'printing:problem.systemList', params: { error: (error as Error).message } })
    }
  }
  return { printers, problems: problemWords.map(english), problemWords }
}
