// Drawing a label layout's parts on a ZPL label: texts in ^FB field blocks
// (the printer wraps them; ZplLabel shrinks and cuts them to the box) and rules.
import type { Rule, Text } from './labelLayout'
import type { Align, ZplLabel } from './zpl'

const ALIGN: Record<NonNullable<Text['style']['align']>, Align> = { left: 'L', center: 'C', right: 'R' }

/** Rules are thin filled boxes: 1.2 pt prints as a solid line at 203 and 300 dpi. */
const RULE = 1.2

export function zplText(z: ZplLabel, { text, box, style }: Text): void {
  z.text(text, box, { size: style.size, minSize: style.minSize, align: style.align && ALIGN[style.align], reverse: style.inverse })
}

export function zplRule(z: ZplLabel, { x, y, width }: Rule): void {
  z.box(x, y, width, RULE)
}
