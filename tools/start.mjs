// `npm start`: the desktop app through `electron-vite preview` (build, then
// open the window) — but only where Electron's program is installed. Without
// it (an offline install could not download it, or a server) electron-vite
// would end with "Error: Electron uninstall"; this says so in one plain
// sentence and names the browser alternative instead. Requiring the
// `electron` package is no test: it tries to download the binary.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// Tests point this at a folder of their own; electron's own override is honoured as electron itself does.
const electronDir = process.env.PACKING_STATION_ELECTRON_DIR ?? join(root, 'node_modules', 'electron')

/** The Electron binary's path, or null when it is not installed. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt')
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron')
    return existsSync(binary) ? binary : null
  }
  if (!name) return null
  const binary = join(electronDir, 'dist', name)
  return existsSync(binary) ? binary : null
}

if (!electronBinary()) {
  console.error(
    "Packing Station cannot open its desktop window because Electron's program is not installed on this PC (node_modules/electron has no binary).\n" +
      'Run the same station in a browser instead:  npm run dev:web'
  )
  process.exit(1)
}

const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite')
const child = spawn(bin, ['preview', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)))
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
