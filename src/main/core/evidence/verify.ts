// Is an order's evidence as it was sealed? Reads the manifest, checks its
// signature, then every chunk of the clip against its hash and the chain,
// the clip's length, and every still. Each problem is named in words: what
// changed and where (`npm run station -- evidence verify`).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { chainNext, chainStart, CLIP_FILE, MANIFEST_FILE, sha256, STILLS_FOLDER } from './journal'
import { Manifest, signedText } from './manifest'
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
  problems.push(...(await clipProblems(folder, manifest)))
  if (manifest.playable) {
    const path = join(folder, manifest.playable.file)
    if (!existsSync(path)) problems.push(`${manifest.playable.file} is missing`)
    else if (sha256(readFileSync(path)) !== manifest.playable.sha256) problems.push(`${manifest.playable.file} was changed`)
  }
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

function hashOf(path: string, start: number, length: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    createReadStream(path, { start, end: start + length - 1 })
      .on('data', (b) => chunks.push(b as Buffer))
      .on('error', reject)
      .on('end', () => resolve(sha256(Buffer.concat(chunks))))
  })
}
