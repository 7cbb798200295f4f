// Labels: the box label PDF for a 1-unit and a 60-unit box, and the shipping
// label (long foreign address with a Chinese name), rendered by the station's
// own renderer, p50/p99 over many renders after a warm-up. "New box": every
// render is of another box (its own order number, SSCC and serials), so
// nothing is encoded before; "again": the same box rendered again, as the
// print after its preview. The same-run reference is bare pdfkit drawing the
// same barcodes (bars and modules encoded beforehand) and the same texts at
// the layout's places with fonts parsed once beforehand: what the label's
// drawing costs pdfkit itself. Pure rendering: no database (the label's data
// read is a few indexed rows). The reference stays pdfkit as it comes (a new
// font subset encoded and deflated, every word laid out, per document), so
// the station's renderer, which keeps those between documents
// (src/main/core/labels/pdfFonts.ts), can come in under it: a ratio below 1.
import * as fontkit from 'fontkit'
import PDFDocument from 'pdfkit'
import { drawLinear, drawMatrix, linearCode, type LinearCode } from '../../src/main/core/labels/barcodes'
import { boxLabelLayout, type BoxLabelPage } from '../../src/main/core/labels/boxLabelLayout'
import type { BoxLabelData, ShippingLabelData } from '../../src/main/core/labels/labelData'
import { PDF_MEDIUM, type PageSize, type Text } from '../../src/main/core/labels/labelLayout'
import { fontFile } from '../../src/main/core/labels/fonts'
import { renderBoxLabelPdf } from '../../src/main/core/labels/pdfBoxLabel'
import { renderShippingLabelPdf } from '../../src/main/core/labels/pdfShippingLabel'
import { buildSscc } from '../../src/main/core/labels/sscc'
import { shippingLabelLayout } from '../../src/main/core/labels/shippingLabelLayout'
import { LABEL_SIZES } from '../../src/main/core/labels/sizes'
import { imei } from '../catalogue'
import { summarize, type Summary } from '../stats'
import type { BenchContext } from './context'
import { latencyRatio, type PathRow } from './types'

const TARGET_1_UNIT_MS = 10
const SIZE = LABEL_SIZES['4x6in']

/** The n-th box of the run: its own order number, SSCC and serials. */
const boxData = (units: number, n = 0): BoxLabelData => ({
  orderNumber: `SO-${1_048_576 + n}`,
  channel: 'Amazon',
  channelOrderId: '404-3120748-1048576',
  boxId: 'box-bench',
  boxNumber: 1,
  boxCount: 3,
  dimensionsMm: { length: 600, width: 400, height: 400 },
  weightG: 14250,
  operator: 'Marek Nowak',
  date: '2026-11-21T09:30:00.000Z',
  sscc: buildSscc({ companyPrefix: '0614141', extensionDigit: 1 }, 100_000 + n),
  gs1PrefixLength: 7,
  serials: Array.from({ length: units }, (_, k) => imei(k % 7, k % 6, 900_000 + n * units + k)),
  unserialized: 0
})

/** The n-th order's shipping label: its own order and tracking numbers. */
const shippingData = (n = 0): ShippingLabelData => ({
  orderNumber: `SO-${1_048_576 + n}`,
  channel: 'Amazon',
  channelOrderId: '404-3120748-1048576',
  shipTo: {
    name: '王小明 (Wáng Xiǎomíng)',
    company: 'Østergaard & Łukasiewicz Müller Handelsgesellschaft mbH & Co. KG',
    street1: 'Rue de l’Église Saint-Étienne-du-Mont 147, Bâtiment C',
    street2: 'c/o Ærøskøbing Søndergade Logistikcenter, Tor 17',
    city: 'Saint-Rémy-de-Provence',
    postalCode: '13210',
    region: 'Provence-Alpes-Côte d’Azur',
    country: 'FR'
  },
  carrier: 'DHL Express',
  service: 'Worldwide',
  trackingNumber: `JD0146${String(6_281_230_047 + n).padStart(14, '0')}`,
  boxCount: 3,
  weightG: 14250
})

/** Fonts parsed once, as the reference's pre-loaded fonts. */
const fonts = {
  regular: fontkit.create(fontFile('regular')),
  bold: fontkit.create(fontFile('bold')),
  cjk: fontkit.create(fontFile('cjk'))
}

type Drawing = {
  texts: Text[]
  linear: { code: LinearCode; x: number; y: number; module: number; height: number }[]
  qr: (doc: Bare) => void
}
type Bare = InstanceType<typeof PDFDocument>

function bareDocument(size: PageSize): Bare {
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, size: [size.width, size.height] })
  for (const [name, font] of Object.entries(fonts)) doc.registerFont(name, font as never)
  return doc
}

/** The texts and barcodes of a box label's pages, encoded once. */
function boxDrawing(data: BoxLabelData): Drawing[] {
  const measureDoc = bareDocument(SIZE)
  const measure = (text: string, size: number) => measureDoc.font('regular').fontSize(size).widthOfString(text)
  const pages = boxLabelLayout(data, SIZE, PDF_MEDIUM, measure)
  return pages.map((page) => pageDrawing(data, page))
}

function pageDrawing(data: BoxLabelData, page: BoxLabelPage): Drawing {
  const texts = [...page.header, ...page.details, page.caption]
  const linear: Drawing['linear'] = []
  if (page.orderCode) linear.push({ code: linearCode('code128', data.orderNumber), ...page.orderCode, module: 1 })
  let qr: Drawing['qr'] = () => undefined
  const serials = page.serials
  if (serials?.kind === 'linear') {
    for (const cell of serials.cells) {
      linear.push({ code: cell.code, x: cell.x, y: cell.y, module: serials.block.moduleWidth, height: serials.block.barHeight })
      texts.push(cell.text)
    }
  } else if (serials) {
    const { block, x, y } = serials
    qr = (doc) => drawMatrix(doc, block.code, x + 4 * block.moduleSize, y + 4 * block.moduleSize, block.moduleSize)
    for (const column of serials.listColumns) {
      column.serials.forEach((serial, row) =>
        texts.push({
          text: serial,
          box: { x: column.x, y: y + row * block.listSize * 1.2, width: 0, height: 0 },
          style: { size: block.listSize }
        })
      )
    }
  }
  if (page.sscc) {
    const { bars } = page.sscc
    linear.push({ code: linearCode('gs1-128', `(00)${data.sscc}`), ...bars, module: 1.2 })
    texts.push(page.sscc.caption, page.sscc.text)
  }
  return { texts, linear, qr }
}

function shippingDrawing(data: ShippingLabelData): Drawing[] {
  const layout = shippingLabelLayout(data, SIZE, PDF_MEDIUM)
  const texts = [layout.carrier, layout.parcels, layout.address.caption, layout.address.name, layout.address.rest, layout.tracking.caption]
  const linear: Drawing['linear'] = []
  if (layout.tracking.number) {
    linear.push({ code: linearCode('code128', layout.tracking.number.text), ...layout.tracking.bars, module: 1.6 })
    texts.push(layout.tracking.number)
  }
  if (layout.order) {
    linear.push({ code: linearCode('code128', data.orderNumber), ...layout.order.bars, module: 1 })
    texts.push(layout.order.caption, layout.order.number, layout.order.channel)
  }
  return [{ texts, linear, qr: () => undefined }]
}

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u

/** Bare pdfkit: the pre-encoded bars and the texts at their places, no fitting or measuring. */
function renderBare(pages: Drawing[]): Promise<Buffer> {
  const doc = bareDocument(SIZE)
  for (const page of pages) {
    doc.addPage({ size: [SIZE.width, SIZE.height], margin: 0 })
    for (const { code, x, y, module, height } of page.linear) drawLinear(doc, code, x, y, module, height)
    page.qr(doc)
    for (const { text, box, style } of page.texts) {
      doc
        .font(CJK.test(text) ? 'cjk' : style.bold ? 'bold' : 'regular')
        .fontSize(style.size)
        .text(text, box.x, box.y, { lineBreak: false })
    }
  }
  return finish(doc)
}

function finish(doc: Bare): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.end()
  })
}

type Timed = { name: string; fn: (i: number) => Promise<unknown> }

/** Alternating blocks of the paths and the reference, so all see the same machine; call i gets i (a new box per call). */
async function measure(paths: Timed[], reference: Timed, renders: number, warmup: number): Promise<Summary[]> {
  const all = [...paths, reference]
  const samples = all.map(() => [] as number[])
  let call = 0
  for (let i = 0; i < warmup; i++) for (const p of all) await p.fn(call++)
  const block = 20
  for (let done = 0; done < renders; done += block) {
    for (const [k, p] of all.entries()) {
      for (let i = 0; i < Math.min(block, renders - done); i++) {
        const n = call++
        const t0 = process.hrtime.bigint()
        await p.fn(n)
        samples[k].push(Number(process.hrtime.bigint() - t0) / 1e6)
      }
    }
  }
  return all.map((p, k) => summarize(p.name, samples[k]))
}

const row = (measured: Summary, reference: Summary, target?: number): PathRow => ({
  path: measured.name,
  measured: { kind: 'latency', summary: measured },
  reference: { kind: 'latency', summary: reference },
  ratio: latencyRatio(measured, reference),
  ...(target ? { target: { text: `p99 < ${target} ms`, met: measured.p99Ms < target } } : {})
})

const REFERENCE = 'bare pdfkit, same barcodes and texts, fonts pre-loaded'

export async function run(ctx: Pick<BenchContext, 'log' | 'flags'>): Promise<PathRow[]> {
  const renders = ctx.flags.num('label-renders', 200)
  const warmup = ctx.flags.num('label-warmup', 20)
  const rows: PathRow[] = []
  for (const units of [1, 60]) {
    const name = `box label PDF, ${units} unit${units === 1 ? '' : 's'}`
    const again = boxData(units)
    const drawing = boxDrawing(again)
    ctx.log(`labels: ${name}, ${renders} renders`)
    const [fresh, repeat, bare] = await measure(
      [
        { name: `${name}, new box`, fn: (n) => renderBoxLabelPdf(boxData(units, n + 1), SIZE) },
        { name: `${name}, again (print after preview)`, fn: () => renderBoxLabelPdf(again, SIZE) }
      ],
      { name: `${name}: ${REFERENCE}`, fn: () => renderBare(drawing) },
      renders,
      warmup
    )
    rows.push(row(fresh, bare, units === 1 ? TARGET_1_UNIT_MS : undefined), row(repeat, bare, units === 1 ? TARGET_1_UNIT_MS : undefined))
  }
  const drawing = shippingDrawing(shippingData())
  ctx.log(`labels: shipping label, ${renders} renders`)
  const [shipping, bare] = await measure(
    [{ name: 'shipping label PDF, CJK name', fn: (n) => renderShippingLabelPdf(shippingData(n + 1), SIZE) }],
    { name: `shipping label PDF: ${REFERENCE}`, fn: () => renderBare(drawing) },
    renders,
    warmup
  )
  rows.push(row(shipping, bare))
  return rows
}
