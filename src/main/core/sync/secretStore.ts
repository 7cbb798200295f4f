// Where the OMS bearer token is kept. Electron passes a store backed by the
// operating system's keychain (safeStorage, see src/main/secretStore.ts);
// without one (browser host, command line, tests) the token is a plain file
// readable by this user only, and the status says so.
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export type SecretStore = {
  get(name: string): string | null
  /** null removes the secret. */
  set(name: string, value: string | null): void
  /** false when the secret is stored unencrypted; `warning` then says so in words. */
  readonly encrypted: boolean
  readonly warning: string | null
}

export const OMS_TOKEN = 'oms-token'

const fileName = (name: string) => `${name.replace(/[^a-z0-9-]/gi, '_')}.secret`

/** The plain-file fallback: one file per secret, mode 0600, written through a temp file. */
export function plainFileSecretStore(dir: string, warning = 'OMS token stored unencrypted (no system keychain available)'): SecretStore {
  return {
    encrypted: false,
    warning,
    get(name) {
      const path = join(dir, fileName(name))
      return existsSync(path) ? readFileSync(path, 'utf8') : null
    },
    set(name, value) {
      const path = join(dir, fileName(name))
      if (value === null) return rmSync(path, { force: true })
      const temp = `${path}.tmp`
      writeFileSync(temp, value, { mode: 0o600 })
      chmodSync(temp, 0o600)
      renameSync(temp, path)
    }
  }
}
