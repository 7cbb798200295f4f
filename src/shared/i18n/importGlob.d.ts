// Vite's `import.meta.glob` (renderer, main build and vitest): declared here so the shared catalogue
// compiles without pulling in vite/client's other ambient modules. Under tsx it does not exist.
interface ImportMeta {
  glob<T = unknown>(pattern: string, options: { eager: true; import: 'default' }): Record<string, T>
}
