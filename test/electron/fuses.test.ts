// The fuses electron-builder flips in the packaged binary. The config is read
// and validated by electron-builder's own code (so a misspelt key fails here,
// not silently at packaging), then translated by electron-builder into the
// @electron/fuses wire config, which is what the binary actually gets.
import { fileURLToPath } from 'node:url'
import { FuseV1Options, FuseVersion } from '@electron/fuses'
import { PlatformPackager } from 'app-builder-lib'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

const EXPECTED = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
  enableCookieEncryption: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false
}

describe('electron-builder.yml fuses', () => {
  it('sets every fuse, in a config electron-builder accepts', async () => {
    const config = await getConfig(ROOT, null, null)
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    expect(config.electronFuses).toEqual(EXPECTED)
    // The integrity fuses mean nothing without an asar archive.
    expect(config.asar ?? true).not.toBe(false)
  })

  it('reaches the binary as the @electron/fuses settings intended', async () => {
    const config = await getConfig(ROOT, null, null)
    // generateFuseConfig is private; it reads nothing from the packager, so call it as electron-builder does.
    type Generate = (fuses: unknown) => Promise<Record<number | string, unknown>>
    const generate = (PlatformPackager.prototype as unknown as { generateFuseConfig: Generate }).generateFuseConfig
    const wire = await generate.call({}, config.electronFuses)
    expect(wire).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: undefined,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false
    })
    // Every fuse this @electron/fuses knows is set: a new one added upstream shows up here.
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number')
    expect(known.filter((fuse) => !(fuse in wire))).toEqual([])
  })
})
