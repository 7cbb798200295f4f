// The key the station seals evidence with: an Ed25519 key pair made on first
// use and kept like the OMS token (the system keychain in Electron, a file
// readable by this user only elsewhere: ../sync/secretStore.ts). The public
// half goes into every manifest, so anyone can check a seal; whether it is
// this station's key, the station (or its published public key) tells.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'
import type { SecretStore } from '../sync/secretStore'

export const EVIDENCE_KEY = 'evidence-key'

export type StationKey = { publicKey: string; sign(data: string): string }

export function stationKey(secrets: SecretStore): StationKey {
  let pem = secrets.get(EVIDENCE_KEY)
  if (!pem) {
    const { privateKey } = generateKeyPairSync('ed25519')
    pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    secrets.set(EVIDENCE_KEY, pem)
  }
  const privateKey = createPrivateKey(pem)
  return {
    publicKey: publicPem(createPublicKey(privateKey)),
    sign: (data) => sign(null, Buffer.from(data, 'utf8'), privateKey).toString('base64')
  }
}

export function signatureHolds(publicKey: string, data: string, signature: string): boolean {
  try {
    return verify(null, Buffer.from(data, 'utf8'), createPublicKey(publicKey), Buffer.from(signature, 'base64'))
  } catch {
    return false
  }
}

const publicPem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString()

/** The public key (PEM) of a stored private key. */
export const publicKeyOf = (privatePem: string): string => publicPem(createPublicKey(privatePem))
