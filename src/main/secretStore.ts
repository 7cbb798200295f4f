// The OMS token in the operating system's keychain through Electron's
// safeStorage (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on
// Linux): an encrypted file in the data folder that only this user's login
// can decrypt. Where no keychain is available (Linux without a secret
// service), the core's plain 0600 file is used and the status bar says so.
// Call after app 'ready'.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { safeStorage } from 'electron'
import { plainFileSecretStore, type SecretStore } from './core/sync/secretStore'

export function keychainSecretStore(dataDir: string): SecretStore {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os'
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text') {
    return plainFileSecretStore(
      dataDir,
      'OMS token stored unencrypted: this PC has no system keychain (install a secret service such as gnome-keyring)'
    )
  }
  const file = (name: string) => join(dataDir, `${name.replace(/[^a-z0-9-]/gi, '_')}.keychain`)
  return {
    encrypted: true,
    warning: null,
    get(name) {
      const path = file(name)
      return existsSync(path) ? safeStorage.decryptString(readFileSync(path)) : null
    },
    set(name, value) {
      const path = file(name)
      if (value === null) return rmSync(path, { force: true })
      writeFileSync(`${path}.tmp`, safeStorage.encryptString(value), { mode: 0o600 })
      renameSync(`${path}.tmp`, path)
    }
  }
}
