// Chromium's test-pattern camera, the permission prompt answered yes: the bench
// camera for the packing evidence specs (browser host only: Electron has no such switch).
import config from '../playwright.config'

export const fakeCamera = {
  launchOptions: {
    ...config.use?.launchOptions,
    args: [...(config.use?.launchOptions?.args ?? []), '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']
  }
}
