// Checks electron-builder.yml against the files the app loads at run time, without
// Electron's binary: what `files` puts into app.asar (matched the way electron-builder
// matches, minimatch with dot files), what `asarUnpack` leaves on disk, the icons, the
// .deb's udev rule and the package metadata the installers need.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { minimatch } from 'minimatch'
import { parse } from 'yaml'
import { afterAll, describe, expect, it } from 'vitest'
import { findAppFolder } from '../../src/main/core/paths'
import { findMigrationsFolder } from '../../src/main/core/db/migrate'
import { FONT_FILES } from '../../src/main/core/labels/fonts'
import { UDEV_RULE_FILE } from '../../src/main/devices/udev'

const root = join(import.meta.dirname, '..', '..')
const read = (file: string) => readFileSync(join(root, file), 'utf8')
const config = parse(read('electron-builder.yml'))
const pkg = JSON.parse(read('package.json'))

const posix = (file: string) => file.split(sep).join('/')
function walk(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [posix(join(dir, entry.name))]
  )
}

/** Whether `files` puts this project path into app.asar: the last pattern that matches decides, `!` excludes. */
function packed(file: string): boolean {
  let included = false
  for (const pattern of config.files as string[]) {
    const negated = pattern.startsWith('!')
    if (minimatch(file, negated ? pattern.slice(1) : pattern, { dot: true })) included = !negated
  }
  return included
}
const unpacked = (file: string) => (config.asarUnpack as string[]).some((pattern) => minimatch(file, pattern, { dot: true }))

/** Every source file's text under src/, for the call sites that name run-time files. */
const sources = walk('src')
  .filter((file) => /\.tsx?$/.test(file))
  .map((file) => ({ file, text: read(file) }))

function pngSize(file: string): { width: number; height: number } {
  const data = readFileSync(join(root, file))
  expect(data.subarray(1, 4).toString('latin1'), `${file} is a PNG`).toBe('PNG')
  return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) }
}

describe('electron-builder.yml', () => {
  it('takes the version from package.json and has the metadata the .deb needs', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/)
    expect(config.version ?? config.extraMetadata?.version).toBeUndefined()
    expect(config.buildVersion).toBeUndefined()
    expect(new URL(pkg.homepage).protocol).toBe('https:')
    expect(pkg.author.name).toBeTruthy()
    expect(pkg.author.email).toMatch(/^[^@\s]+@[^@\s]+\.[^@\s]+$/)
    expect(pkg.scripts.dist).toContain('electron-builder')
    expect(pkg.scripts.icons).toBe('node tools/icons.mjs')
  })

  it('loads native modules from their prebuilds, never rebuilding them', () => {
    expect(config.npmRebuild).toBe(false)
    for (const name of ['better-sqlite3', 'node-hid', 'serialport']) {
      expect(Object.keys(pkg.dependencies), name).toContain(name)
    }
    // Every native binary the app can load is a real file beside app.asar.
    const natives = ['node_modules/better-sqlite3', 'node_modules/node-hid', 'node_modules/@serialport/bindings-cpp']
      .flatMap(walk)
      .filter((file) => file.endsWith('.node'))
    expect(natives.length).toBeGreaterThan(0)
    for (const file of natives) expect(unpacked(file), file).toBe(true)
  })

  it('builds AppImage, .deb and an NSIS installer that can install for every user of a shared PC', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']))
    expect(config.win.target).toEqual(['nsis'])
    expect(config.nsis.oneClick).toBe(false)
    // perMachine false with oneClick false shows the "for anyone using this computer / only for me" page.
    expect(config.nsis.perMachine).toBe(false)
    expect(config.nsis.selectPerMachineByDefault).toBe(true)
    expect(config.nsis.allowElevation).toBe(true)
  })

  it('keeps build resources apart from run-time resources', () => {
    expect(config.directories.buildResources).toBe('build')
    for (const file of walk('build')) expect(packed(file), file).toBe(false)
    for (const file of walk('resources')) expect(file).not.toMatch(/\.(ico|icns)$|icons?\//)
  })

  it('has the icon set in every size the installers use', () => {
    const linuxIcons = config.linux.icon as string
    expect(linuxIcons).toBe('build/icons')
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(`${linuxIcons}/${size}x${size}.png`)).toEqual({ width: size, height: size })
    }
    expect(pngSize(config.mac.icon)).toEqual({ width: 512, height: 512 })

    const ico = readFileSync(join(root, config.win.icon))
    expect(ico.readUInt16LE(0)).toBe(0)
    expect(ico.readUInt16LE(2)).toBe(1) // an icon, not a cursor
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256)
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]))
  })

  it('packs the three builds with the main entry package.json names', () => {
    expect(config.extraMetadata.main).toBe('out/main/index.js')
    expect(pkg.main.replace(/^\.\//, '')).toBe('out/main/index.js')
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/x.js']) {
      expect(packed(file), file).toBe(true)
    }
    expect(packed('out/main/index.js.map')).toBe(false)
  })

  it('packs each worker thread the core starts, as an entry of the main build', () => {
    const viteConfig = read('electron.vite.config.ts')
    const workers = sources.flatMap(({ text }) => [...text.matchAll(/startWorker\([^)]*\)\s*,\s*'([\w-]+)\.js'/g)].map((m) => m[1]))
    expect(workers.sort()).toEqual(['importWorker', 'integrityWorker', 'reportsWorker'])
    for (const name of workers) {
      expect(viteConfig, `${name} is an entry of the main build`).toMatch(new RegExp(`\\b${name}: resolve\\(`))
      // Loaded from app.asar beside index.js (startWorker resolves it from its own module's URL);
      // its shared chunks come along with out/**.
      expect(packed(`out/main/${name}.js`)).toBe(true)
      expect(packed('out/main/chunks/shared-abc123.js')).toBe(true)
    }
    expect(read('src/main/core/workers/startWorker.ts')).toContain('new URL(`./${built}`, import.meta.url)')
  })

  it('knows every folder the app looks up at run time', () => {
    // A new findAppFolder() call must be added here, with what packs it.
    const looked = sources.flatMap(({ file, text }) => [...text.matchAll(/findAppFolder\('([^']+)'/g)].map((m) => `${file}: ${m[1]}`))
    expect(looked.sort()).toEqual([
      'src/main/core/app/handlers.ts: resources', // sample orders
      'src/main/core/db/migrate.ts: drizzle', // migrations
      // The message catalogue's folder, read by the tsx hosts only: the build bundles the catalogue (import.meta.glob).
      'src/main/core/i18n/catalogue.ts: src/shared/i18n/locales',
      'src/main/core/labels/fonts.ts: resources', // label fonts
      'src/main/host/cli.ts: out' // the browser host's renderer: not part of the desktop app
    ])
  })

  it('packs the migrations, fonts and sample orders', () => {
    const migrations = walk(posix(relative(root, findMigrationsFolder())))
    expect(migrations).toContain('drizzle/meta/_journal.json')
    expect(migrations.filter((file) => file.endsWith('.sql')).length).toBeGreaterThan(0)
    for (const file of migrations) expect(packed(file), file).toBe(true)
    for (const font of Object.values(FONT_FILES)) expect(packed(`resources/fonts/${font}`), font).toBe(true)
    expect(packed('resources/sample-orders.json')).toBe(true)
  })

  it('bundles the scan sounds into the renderer build', () => {
    const sounds = read('src/renderer/src/feedback/sounds.ts')
    const imported = [...sounds.matchAll(/from '(?:\.\.\/)+(resources\/sounds\/[\w-]+\.wav)\?url'/g)].map((m) => m[1])
    expect(imported.sort()).toEqual(walk('resources/sounds').sort())
    // Vite emits (or inlines) each into out/renderer, which is packed.
    expect(packed('out/renderer/assets/ok-abc123.wav')).toBe(true)
  })

  it('installs the udev rule with the .deb, not inside app.asar', () => {
    expect(existsSync(join(root, UDEV_RULE_FILE))).toBe(true)
    const name = UDEV_RULE_FILE.split('/').pop()
    expect(config.deb.fpm).toContain(`${UDEV_RULE_FILE}=/etc/udev/rules.d/${name}`)
    expect(packed(UDEV_RULE_FILE)).toBe(false)
    expect(config.linux.extraResources).toContainEqual({ from: 'resources/udev', to: 'udev' })
  })
})

describe('the packed app finds its folders', () => {
  // The files `files` selects, copied into a folder laid out as app.asar is; the app's own
  // lookups run from where the bundle sits (out/main).
  const app = mkdtempSync(join(tmpdir(), 'packed-app-'))
  afterAll(() => rmSync(app, { recursive: true, force: true }))
  for (const file of [...walk('drizzle'), ...walk('resources')].filter(packed)) {
    mkdirSync(dirname(join(app, file)), { recursive: true })
    writeFileSync(join(app, file), readFileSync(join(root, file)))
  }
  const bundle = join(app, 'out', 'main')
  mkdirSync(bundle, { recursive: true })

  it('migrations, fonts and sample orders resolve inside the packed app', () => {
    expect(findAppFolder('drizzle', join('meta', '_journal.json'), bundle)).toBe(join(app, 'drizzle'))
    const resources = findAppFolder('resources', join('fonts', FONT_FILES.regular), bundle)
    expect(resources).toBe(join(app, 'resources'))
    for (const font of Object.values(FONT_FILES)) expect(statSync(join(resources, 'fonts', font)).size).toBeGreaterThan(0)
    expect(findAppFolder('resources', 'sample-orders.json', bundle)).toBe(join(app, 'resources'))
    expect(existsSync(join(app, UDEV_RULE_FILE))).toBe(false)
  })
})
