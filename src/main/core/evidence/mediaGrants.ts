// Who may fetch a recording's video: a shift lead's approved `evidence:watch`
// mints a grant, a random token naming one sealed video for a few minutes.
// The hosts (Electron's app:// protocol, the browser host) serve
// /evidence-media/<token>/video.webm only for a live grant, so the role is
// checked once, in the core, and the glue streams only what the core allowed.
import { randomBytes } from 'node:crypto'
import type { VideoPart } from './playable'

export const MEDIA_PATH = '/evidence-media/'
/** Long enough to watch a packing clip and scrub back and forth; a new viewing mints a new grant. */
export const GRANT_MS = 15 * 60_000

export type MediaGrant = { parts: VideoPart[]; bytes: number; expiresAt: number }

export type MediaGrants = ReturnType<typeof mediaGrants>

export function mediaGrants(now: () => number) {
  const grants = new Map<string, MediaGrant>()
  const sweep = () => {
    for (const [token, grant] of grants) if (grant.expiresAt <= now()) grants.delete(token)
  }
  return {
    /** A grant for these parts; the answer is the address the screen plays. */
    grant(parts: VideoPart[], bytes: number): { url: string; expiresAt: number } {
      sweep()
      const token = randomBytes(24).toString('base64url')
      const expiresAt = now() + GRANT_MS
      grants.set(token, { parts, bytes, expiresAt })
      return { url: `${MEDIA_PATH}${token}/video.webm`, expiresAt }
    },
    /** The grant a request path names, or null (unknown, expired, or not a media path). */
    lookup(pathname: string): MediaGrant | null {
      const match = /^\/evidence-media\/([A-Za-z0-9_-]{32})\/video\.webm$/.exec(pathname)
      if (!match) return null
      const grant = grants.get(match[1])
      if (!grant) return null
      if (grant.expiresAt <= now()) {
        grants.delete(match[1])
        return null
      }
      return grant
    },
    /** Sign-out ends every viewing. */
    clear: () => grants.clear()
  }
}
