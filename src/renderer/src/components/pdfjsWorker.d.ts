// pdf.js ships its worker module without types; LabelPreview only hands it back to pdf.js.
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown
}
