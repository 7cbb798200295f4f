// Drawing a label layout's parts on a PDF page: texts through fitText/fitLine
// (never past their box) and rules.
import type { Rule, Text } from './labelLayout'
import { fitLine, fitText, type Doc, type TextStyle as PdfTextStyle } from './pdfText'

const pdfStyle = ({ size, minSize, bold, align, inverse }: Text['style']): PdfTextStyle => ({
  size,
  minSize,
  bold,
  align,
  color: inverse ? 'white' : undefined
})

/** Draws the text; returns the height it used (a wrapped text) or the size it was set in (one line). */
export function drawText(doc: Doc, text: Text): number {
  return text.wrap ? fitText(doc, text.text, text.box, pdfStyle(text.style)) : fitLine(doc, text.text, text.box, pdfStyle(text.style))
}

export function drawRule(doc: Doc, { x, y, width }: Rule): void {
  doc
    .moveTo(x, y)
    .lineTo(x + width, y)
    .lineWidth(1)
    .strokeColor('black')
    .stroke()
}
