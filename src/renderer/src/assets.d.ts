// Vite turns `import url from './x.wav?url'` into the URL of the bundled file.
declare module '*?url' {
  const url: string
  export default url
}
