// What never reaches a log line: PINs, the OMS token, Authorization headers,
// passwords. Two layers: pino's own `redact` censors these keys wherever a
// logged object holds them (up to three levels deep), and `scrubText` runs
// over every finished line for what hides inside strings (an error message
// that quotes a header, a URL with ?token=…) and for the secret values the
// station knows (the OMS token, registered when the secret store reads or
// writes it). The text pass is written by hand because pino redacts by key
// path only, never inside a string's text.
import type { SecretStore } from '../sync/secretStore'

export const REDACTED = '[Redacted]'

/** Keys whose values are secrets, in any logged object. */
const SECRET_KEYS = ['pin', 'newPin', 'token', 'omsToken', 'authorization', 'Authorization', 'password', 'secret', 'cookie', 'Cookie']

/** pino `redact.paths`: each secret key at the top, one, two and three levels down (`*` is one level). */
export const REDACT_PATHS: string[] = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`])

const secretValues = new Set<string>()

/** A secret the station holds (the OMS token): its text is censored wherever it appears in a log line. */
export function registerSecret(value: string | null | undefined): void {
  // Very short values would censor ordinary words and numbers; tokens and PINs in the wild are longer.
  if (value && value.length >= 6) secretValues.add(value)
}

/** Forgets every registered secret (tests). */
export function forgetSecrets(): void {
  secretValues.clear()
}

const TEXT_PATTERNS: [RegExp, string][] = [
  // "Authorization: Bearer abc", "bearer abc", "Basic dXNlcjpwdw=="
  [/\b(bearer|basic)(\s+)[A-Za-z0-9._~+/=-]+/gi, `$1$2${REDACTED}`],
  // pin=1234, "token":"abc", password: hunter2, ?token=abc&x=1 (the JSON form keeps its quotes)
  [/\b(pin|newPin|token|omsToken|password|secret|authorization)(\\?"?\s*[:=]\s*\\?"?)(?!\[Redacted\])[^\s"\\&,;}]+/gi, `$1$2${REDACTED}`]
]

/** Censors secrets inside a text: known secret values, bearer credentials, `key=value` / `"key":"value"` pairs. */
export function scrubText(text: string): string {
  let out = text
  for (const secret of secretValues) if (out.includes(secret)) out = out.split(secret).join(REDACTED)
  for (const [pattern, replacement] of TEXT_PATTERNS) out = out.replace(pattern, replacement)
  return out
}

/** A secret store whose values (the OMS token) are censored in the log from the moment the station reads or writes them. */
export function censoringSecretStore(store: SecretStore): SecretStore {
  return {
    get encrypted() {
      return store.encrypted
    },
    get warning() {
      return store.warning
    },
    get(name) {
      const value = store.get(name)
      registerSecret(value)
      return value
    },
    set(name, value) {
      registerSecret(value)
      store.set(name, value)
    }
  }
}
