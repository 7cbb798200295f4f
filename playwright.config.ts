import { defineConfig } from '@playwright/test'
import { BROWSER_HOST_ONLY, electronBinary } from './e2e/electronBinary'

// The specs drive the app the way an operator does. Each test gets a fresh
// data folder and its own station process (see e2e/fixtures.ts): the browser
// host in Debian's Chromium here, the Electron app where its binary is present.
export default defineConfig({
  testDir: 'e2e',
  testIgnore: electronBinary() ? BROWSER_HOST_ONLY : [],
  // The browser host built once for the run (the fixtures start it with plain Node, not tsx).
  globalSetup: './e2e/hostBuild.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu']
    },
    screenshot: 'only-on-failure',
    // A failed test keeps its trace (actions, DOM snapshots, console, network) and its screenshot. The trace's
    // screencast stays off: it encodes a frame at every repaint, a blinking caret included, for every test, passed
    // or not, which cost about 15 % of the run's CPU on the 2-core machine (idle screens: ~0.15 core against ~0.04).
    trace: { mode: 'retain-on-failure', screenshots: false }
  }
})
