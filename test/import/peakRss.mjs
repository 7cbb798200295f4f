// Preloaded into the command line by test/import/cli.test.ts: prints the
// process's peak resident memory when it exits, for the memory bound.
import { writeSync } from 'node:fs'

process.on('exit', () => writeSync(2, `\nPEAK_RSS_KB=${process.resourceUsage().maxRSS}\n`))
