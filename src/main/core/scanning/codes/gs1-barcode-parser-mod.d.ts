// Types for gs1-barcode-parser-mod (the package ships plain JavaScript): only what gs1Code.ts uses.
declare module 'gs1-barcode-parser-mod' {
  export type ParsedElement = {
    /** The application identifier, e.g. "01", "21", "10". */
    ai: string
    /** The identifier's title in the GS1 General Specifications, e.g. "BATCH/LOT". */
    dataTitle: string
    /** The element's value: text, number or Date, by identifier. */
    data: unknown
    /** The untouched characters the element was read from. */
    raw: string
  }
  export type ParsedBarcode = { codeName: string; parsedCodeItems: ParsedElement[] }
  /** Parses a GS1 element string (with or without a symbology identifier, FNC1 as GS, or in the bracketed form); throws a string. */
  export function parseBarcode(code: string): ParsedBarcode
}
