import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'out/**', 'dist/**'],
    environment: 'node',
    // A test file per core. Vitest's default keeps one core for itself (cores - 1 workers), which on the 2-core CI
    // machine runs the files one at a time while the main process mostly waits, and so do the many tests that wait on
    // a child process (the command line, ffmpeg, zbarimg) or a socket. Files stay isolated in their own fork.
    maxWorkers: '100%',
    testTimeout: 20000,
    hookTimeout: 20000
  }
})
