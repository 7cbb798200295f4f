// Label and paper sizes in PDF points (1/72 in), and unit helpers.
import type { LabelSize, SlipPaper } from '../../../shared/labels'

export const mm = (v: number): number => (v * 72) / 25.4
export const inch = (v: number): number => v * 72

export const LABEL_SIZES: Record<LabelSize, { width: number; height: number; name: string }> = {
  '4x6in': { width: inch(4), height: inch(6), name: '4 × 6 in' },
  '100x150mm': { width: mm(100), height: mm(150), name: '100 × 150 mm' },
  '4x2in': { width: inch(4), height: inch(2), name: '4 × 2 in' }
}

/** pdfkit page size names. */
export const SLIP_PAPER: Record<SlipPaper, string> = { A4: 'A4', Letter: 'LETTER' }

/** Points to printer dots. */
export const dots = (points: number, dpi: number): number => Math.round((points / 72) * dpi)
