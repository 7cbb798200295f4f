// What only a host with Electron can do (its printer list, and printing a PDF
// silently where there is no `lp`), registered by src/main/index.ts. The
// station works without it: CUPS through lpstat/lp, raw ZPL to port 9100.
export type PlatformPrinter = { name: string; displayName: string; isDefault: boolean }

export type PlatformPrinting = {
  listPrinters(): Promise<PlatformPrinter[]>
  /** Prints the PDF on the named printer without a dialog; rejects with the reason when it cannot. */
  printPdf(printerName: string, pdf: Buffer, title: string): Promise<void>
}

let platform: PlatformPrinting | null = null

export function registerPlatformPrinting(next: PlatformPrinting | null): void {
  platform = next
}

export function platformPrinting(): PlatformPrinting | null {
  return platform
}
