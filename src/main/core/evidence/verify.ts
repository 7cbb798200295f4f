// Is an order's evidence as it was sealed? Reads the manifest, checks its
// signature, then every chunk of the clip against its hash and the chain,
// the clip's length, the playable video (its head and the clip it shares),
// and every still. Each problem is named in words: what
// changed and where (`npm run station -- evidence verify`).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { chainNext, chainStart, CLIP_FILE, MANIFEST_FILE, sha256, STILLS_FOLDER } from './journal'
import { Manifest, signedText } from './manifest'
import { hashOfParts, playableParts } from './playable'
import { signatureHolds } from './stationKey'

export type Verdict = { ok: boolean; manifest: Manifest | null; problems: string[] }

export async function verifyEvidence(folder: string, stationPublicKey?: string): Promise<Verdict> {
  const problems: string[] = []
  const manifestPath = join(folder, MANIFEST_FILE)
  if (!existsSync(manifestPath))
    return { ok: false, manifest: null, problems: [`${MANIFEST_FILE} is missing: the evidence was never sealed`] }
  let raw: Record<string, unknown>
  let manifest: Manifest
  try {
    raw = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>
    manifest = Manifest.parse(raw)
  } catch (error) {
    return { ok: false, manifest: null, problems: [`${MANIFEST_FILE} is unreadable: ${(error as Error).message.split('\n')[0]}`] }
  }
  // The signature covers the manifest as written (its own key order): the raw object, not the parsed copy.
  if (!signatureHolds(manifest.publicKey, signedText(raw as Manifest), manifest.signature)) {
    problems.push(`${MANIFEST_FILE} was changed after it was sealed: its signature does not match`)
  }
  if (stationPublicKey && stationPublicKey.trim() !== manifest.publicKey.trim()) {
    problems.push(`${MANIFEST_FILE} is sealed with another key than this station's`)
  }
  const clip = await clipProblems(folder, manifest)
  problems.push(...clip)
  problems.push(...(await playableProblems(folder, manifest, clip.length === 0)))
  for (const still of manifest.stills) {
    const path = join(folder, STILLS_FOLDER, still.name)
    if (!existsSync(path)) problems.push(`still ${still.name} is missing`)
    else if (sha256(readFileSync(path)) !== still.sha256) problems.push(`still ${still.name} was changed`)
  }
  return { ok: problems.length === 0, manifest, problems }
}

async function clipProblems(folder: string, manifest: Manifest): Promise<string[]> {
  const path = join(folder, CLIP_FILE)
  if (!existsSync(path)) return [`${CLIP_FILE} is missing`]
  const problems: string[] = []
  const size = statSync(path).size
  if (size !== manifest.clipBytes) problems.push(`${CLIP_FILE} is ${size} bytes; it was sealed at ${manifest.clipBytes}`)
  let chain = chainStart(manifest.sessionId)
  let offset = 0
  for (const chunk of manifest.chunks) {
    if (chunk.offset !== offset) problems.push(`chunk ${chunk.n} is listed at byte ${chunk.offset}, after ${offset} bytes`)
    chain = chainNext(chain, chunk.sha256)
    if (chain !== chunk.chain)
      problems.push(`chunk ${chunk.n}'s place in the chain does not match: chunks were removed, added or reordered`)
    if (chunk.offset + chunk.bytes <= size && (await hashOf(path, chunk.offset, chunk.bytes)) !== chunk.sha256) {
      problems.push(`${CLIP_FILE} bytes ${chunk.offset}–${chunk.offset + chunk.bytes - 1} (chunk ${chunk.n}) were changed`)
    }
    offset = chunk.offset + chunk.bytes
  }
  if (chain !== manifest.finalChain) problems.push('the final chain does not match the chunks')
  return problems
}

/**
 * The playable video, hashed as a player gets it: its parts streamed in order
 * (./playable.ts). A whole video.webm that differs was changed; in the head
 * form, while the clip's chunks hold, a difference can only be the head's.
 * When the clip was changed (named by its chunks), the head cannot be told
 * apart from it, and that is what is said.
 */
async function playableProblems(folder: string, manifest: Manifest, clipIntact: boolean): Promise<string[]> {
  const video = playableParts(folder, manifest)
  if (!manifest.playable || !video) return []
  const name = 'head' in manifest.playable ? manifest.playable.head : manifest.playable.file
  const path = join(folder, name)
  if (!existsSync(path)) return [`${name} is missing`]
  const sealedSize = video.parts.find((p) => p.path === path)?.end ?? 0
  if (statSync(path).size === sealedSize && (await hashOfParts(video.parts)) === manifest.playable.sha256) return []
  if (clipIntact || !('head' in manifest.playable)) return [`${name} was changed`]
  return [`${name} cannot be checked apart from ${CLIP_FILE}, which was changed: the playable video does not match its seal`]
}

function hashOf(path: string, start: number, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    createReadStream(path, { start, end: start + length - 1 })
      .on('data', (b) => chunks.push(b as Buffer))
      .on('error', reject)
      .on('end', () => resolve(sha256(Buffer.concat(chunks))))
  })
}
