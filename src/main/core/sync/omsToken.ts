// The OMS bearer token is bound to the OMS origin it was entered for: it is
// stored with that origin and only ever given to a client for the same
// origin. Repointing the OMS without entering a token clears it, so nobody
// can send the real token to an address of their own.
import { omsOrigin } from '../../../shared/omsUrl'
import { OMS_TOKEN, type SecretStore } from './secretStore'

type Bound = { origin: string; token: string }

function read(secrets: SecretStore): Bound | { legacy: string } | null {
  const raw = secrets.get(OMS_TOKEN)
  if (raw === null) return null
  try {
    const parsed = JSON.parse(raw) as Partial<Bound>
    if (typeof parsed.origin === 'string' && typeof parsed.token === 'string') return { origin: parsed.origin, token: parsed.token }
  } catch {
    // A token saved before tokens were bound: a bare string.
  }
  return { legacy: raw }
}

/** The token for `baseUrl`, or null when none was entered for that origin. */
export function omsTokenFor(secrets: SecretStore, baseUrl: string | null): string | null {
  const stored = read(secrets)
  if (!stored || !baseUrl || 'legacy' in stored) return null
  return stored.origin === omsOrigin(baseUrl) ? stored.token : null
}

export function saveOmsToken(secrets: SecretStore, baseUrl: string, token: string): void {
  secrets.set(OMS_TOKEN, JSON.stringify({ origin: omsOrigin(baseUrl), token } satisfies Bound))
}

export function clearOmsToken(secrets: SecretStore): void {
  secrets.set(OMS_TOKEN, null)
}

/**
 * A token stored unbound by an earlier version belongs to the OMS address
 * saved with it: bind it there once, at start-up, before anyone can change the address.
 */
export function bindLegacyToken(secrets: SecretStore, baseUrl: string | null): void {
  const stored = read(secrets)
  if (!stored || !('legacy' in stored)) return
  if (baseUrl) saveOmsToken(secrets, baseUrl, stored.legacy)
  else clearOmsToken(secrets)
}
