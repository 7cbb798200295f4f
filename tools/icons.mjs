// `npm run icons`: renders the app's icon (tools/icons.svg; tools/icons-small.svg for 16-32 px,
// drawn on whole pixels so the mark stays sharp) into build/, electron-builder's buildResources:
//   build/icons/<N>x<N>.png  Linux (AppImage, .deb), every size the desktops look for
//   build/icon.png           512 px, the fallback electron-builder converts for macOS
//   build/icon.ico           Windows (NSIS, the .exe), 16-256 px in one file
// The output is committed: `npm run dist` needs no renderer. Run this after changing an SVG.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Resvg } from '@resvg/resvg-js'
import pngToIco from 'png-to-ico'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

const large = readFileSync(join(root, 'tools', 'icons.svg'), 'utf8')
const small = readFileSync(join(root, 'tools', 'icons-small.svg'), 'utf8')

/** One PNG of the icon, `size` pixels square. */
function render(size) {
  const svg = size <= 32 ? small : large
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()
}

const out = join(root, 'build')
mkdirSync(join(out, 'icons'), { recursive: true })
const pngs = new Map(LINUX_SIZES.map((size) => [size, render(size)]))
for (const [size, png] of pngs) writeFileSync(join(out, 'icons', `${size}x${size}.png`), png)
writeFileSync(join(out, 'icon.png'), pngs.get(512))
writeFileSync(join(out, 'icon.ico'), await pngToIco(ICO_SIZES.map((size) => pngs.get(size))))
console.log(`Icons written to ${out}: ${LINUX_SIZES.join(', ')} px, icon.png, icon.ico`)
