// What the label layouts (shippingLabelLayout, boxLabelLayout) hand to the
// renderers: boxes in PDF points (1/72 in) from the label's top left, the
// text that goes in each, and how it is set. The PDF and the ZPL renderer
// draw from the same layout, so the two forms of a label cannot drift apart.

export type PageSize = { width: number; height: number }
export type Box = { x: number; y: number; width: number; height: number }

export type TextStyle = {
  size: number
  /** Shrinks down to this size before it is cut; no shrinking when unset. */
  minSize?: number
  /** PDF only: the thermal printer's font 0 has no bold. */
  bold?: boolean
  align?: 'left' | 'center' | 'right'
  /** White on the black band. */
  inverse?: boolean
}

/** Text in a box: never past the box (it shrinks, then is cut). `wrap`: over several lines. */
export type Text = { text: string; box: Box; style: TextStyle; wrap?: boolean }

/** A horizontal rule across the label at `y`. */
export type Rule = { x: number; y: number; width: number }

/**
 * What differs between the media, and only that. Captions: the printer font
 * has no bold, so its captions are a little larger to read as well.
 * Separators: thermal labels keep to plain ASCII punctuation.
 */
export type Medium = { caption: number; separator: string; dash: string }

export const PDF_MEDIUM: Medium = { caption: 6.5, separator: ' · ', dash: '–' }
export const ZPL_MEDIUM: Medium = { caption: 7, separator: ' / ', dash: '-' }

/** A caption over a block: small capitals-style bold text, one line. */
export const caption = (medium: Medium, text: string, x: number, y: number, width: number): Text => ({
  text,
  box: { x, y, width, height: medium.caption },
  style: { size: medium.caption, bold: true }
})

/** The channel and its order id, as one line. */
export const channelLine = (medium: Medium, data: { channel: string; channelOrderId: string | null }): string =>
  [data.channel, data.channelOrderId].filter(Boolean).join(medium.separator)
