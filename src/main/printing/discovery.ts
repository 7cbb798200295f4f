// Printer discovery for the settings screen: the CUPS queues (lpstat) and,
// in Electron, the printers Chromium sees. Whatever cannot be asked is
// reported as a problem, not an error: the other sources still answer.
import type { DiscoveredPrinter } from '../../shared/labels'
import { platformPrinting } from './platform'
import { listQueues, PrintError, queueNameProblem, type SpoolerOptions } from './spooler'

export async function discoverPrinters(options: SpoolerOptions = {}): Promise<{ printers: DiscoveredPrinter[]; problems: string[] }> {
  const printers: DiscoveredPrinter[] = []
  const problems: string[] = []
  try {
    const { queues, defaultQueue } = await listQueues(options)
    for (const queue of queues) {
      // CUPS allows names (a leading '-', an instance "Queue/copy") that the settings refuse: offering one would
      // fail the whole answer, and printing to it would be refused anyway.
      const problem = queueNameProblem(queue)
      if (problem) {
        const shown = JSON.stringify(queue).slice(0, 80)
        problems.push(`The CUPS queue ${shown} is not offered: ${problem}. Rename it in CUPS to use it.`)
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
    problems.push(error instanceof PrintError ? error.message : `The CUPS printer list could not be read: ${(error as Error).message}`)
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
      problems.push(`The system printer list could not be read: ${(error as Error).message}`)
    }
  }
  return { printers, problems }
}
