// Packing evidence (issue 17) in the paint benchmark: turning recording on and
// off the way a shift lead does (the Settings panel, saved through
// `evidence:saveSettings` with a badge and PIN), proving a recording runs
// (REC shown, chunks in the clip store) before a block is timed, what camera
// and encoder the recorder got, and the disk an hour of recording takes, from
// the sealed recordings in the data folder.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { CLIP_FILE, JOURNAL_FILE, MANIFEST_FILE } from '../../src/main/core/evidence/journal'
import { evidenceRoot, sessionsOf } from '../../src/main/core/evidence/evidenceFolder'
import { BITS_PER_SECOND, FRAME_RATE, RECORDER_TYPES, recorderType } from '../../src/renderer/src/components/evidence/recordingQuality'

/** Chromium's test-pattern camera, and the permission prompt answered yes (as e2e/packing-evidence.spec.ts). */
export const FAKE_CAMERA_ARGS = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']

/** Chunks (one-second slices) that must be in the clip store before a block with recording on is timed. */
const CHUNKS_BEFORE_TIMING = 2

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function until<T>(what: string, timeoutMs: number, check: () => T | null | undefined | false): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = check()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`)
    await sleep(100)
  }
}

/** The open shift-lead approval dialog: the badge typed as a scanner does (its Enter moves to the PIN), the PIN, Approve (e2e/fixtures.ts). */
async function approveAsShiftLead(page: Page, badgeCode: string, pin: string) {
  const dialog = page.getByRole('dialog', { name: /^Approve: / })
  await dialog.getByLabel('Badge', { exact: true }).fill('')
  await dialog.getByLabel('Badge', { exact: true }).focus()
  await page.keyboard.type(badgeCode, { delay: 5 })
  await page.keyboard.press('Enter')
  await page.keyboard.type(pin)
  await dialog.getByRole('button', { name: 'Approve' }).click()
  await dialog.waitFor({ state: 'hidden' })
}

/**
 * Opens Settings (which leaves any open order, so its recording stops) and sets packing evidence
 * on or off: the switch, Save, a shift lead's approval, then the panel's "saved". Nothing is saved
 * when the switch already shows `on`.
 */
export async function setEvidence(page: Page, on: boolean, lead: { badgeCode: string; pin: string }): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  const panel = page
    .getByRole('heading', { name: 'Packing evidence' })
    .locator('xpath=ancestor::div[contains(@class,"mantine-Paper-root")]')
  const toggle = panel.getByLabel("Record each order's packing with the camera over the bench")
  await toggle.waitFor()
  if ((await toggle.isChecked()) === on) return
  await toggle.setChecked(on)
  await panel.getByRole('button', { name: 'Save packing evidence settings' }).click()
  await approveAsShiftLead(page, lead.badgeCode, lead.pin)
  await panel.getByRole('alert').filter({ hasText: 'Packing evidence settings saved.' }).waitFor()
  if ((await toggle.isChecked()) !== on) throw new Error(`Packing evidence did not turn ${on ? 'on' : 'off'}`)
}

/** The chunks the journal of a recording session names (each one written and synced to clip.webm). */
const chunksIn = (session: string) =>
  existsSync(join(session, JOURNAL_FILE))
    ? readFileSync(join(session, JOURNAL_FILE), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('{"t":"chunk"')).length
    : 0

/**
 * With the order open for scanning and recording on: REC is shown (not "REC stopped"), a new
 * recording session of the order exists, and CHUNKS_BEFORE_TIMING of its chunks are in the clip
 * store. Returns the session's folder.
 */
export async function confirmRecording(page: Page, dataDir: string, orderNumber: string, sessionsBefore: number): Promise<string> {
  const rec = page.getByTestId('evidence-rec')
  await rec.waitFor({ timeout: 15_000 })
  const shown = await rec.textContent()
  if (shown !== '● REC') throw new Error(`The REC indicator shows "${shown}", not "● REC"`)
  const session = await until('a new recording session', 15_000, () => sessionsOf(dataDir, orderNumber)[sessionsBefore])
  await until(`${CHUNKS_BEFORE_TIMING} chunks in ${session}`, 15_000, () => chunksIn(session) >= CHUNKS_BEFORE_TIMING)
  if (statSync(join(session, CLIP_FILE)).size === 0) throw new Error(`${session}: the journal names chunks but clip.webm is empty`)
  return session
}

/** Every recording of the order sealed (its manifest written): after the order was left. */
export const waitSealed = (dataDir: string, orderNumber: string) =>
  until(`the recordings of ${orderNumber} sealed`, 30_000, () =>
    sessionsOf(dataDir, orderNumber).every((s) => existsSync(join(s, MANIFEST_FILE)))
  )

export type Camera = {
  label: string
  width: number
  height: number
  frameRate: number
  mimeType: string
  /** MediaRecorder's videoBitsPerSecond, asked as cameraRecording.ts asks (recordingQuality.ts). */
  videoBitsPerSecond: number
}

/**
 * What the recorder gets, asked the way cameraRecording.ts asks (the frame rate, bitrate and
 * recorderType() of recordingQuality.ts, fed with what this page can record and play). A string,
 * not a function: tsx's helpers do not exist in the page.
 */
const CAMERA = `(async () => {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { frameRate: ${JSON.stringify(FRAME_RATE)} }, audio: false })
  const track = stream.getVideoTracks()[0]
  const s = track.getSettings()
  const canRecord = Object.fromEntries(${JSON.stringify(RECORDER_TYPES)}.map((t) => [t, MediaRecorder.isTypeSupported(t)]))
  const canPlayH264 = document.createElement('video').canPlayType('video/mp4; codecs="avc1.42E01E"') !== ''
  const recorder = new MediaRecorder(stream, { videoBitsPerSecond: ${BITS_PER_SECOND} })
  const facts = { label: track.label, width: s.width, height: s.height, frameRate: s.frameRate, canRecord, canPlayH264, videoBitsPerSecond: recorder.videoBitsPerSecond }
  for (const t of stream.getTracks()) t.stop()
  return facts
})()`

export async function cameraFacts(page: Page): Promise<Camera> {
  const { canRecord, canPlayH264, ...facts } = (await page.evaluate(CAMERA)) as Omit<Camera, 'mimeType'> & {
    canRecord: Record<string, boolean>
    canPlayH264: boolean
  }
  return { ...facts, mimeType: recorderType({ canRecord: (t) => canRecord[t] === true, canPlayH264: () => canPlayH264 }) }
}

type Manifest = { durationMs: number; clipBytes: number; chunks: unknown[]; markers: unknown[] }

const folderBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, d) => n + (d.isDirectory() ? folderBytes(join(dir, d.name)) : statSync(join(dir, d.name)).size),
    0
  )

/** Codec and width × height of a recorded clip, read by ffprobe (Debian's ffmpeg), or null without it. */
function probeVideo(file: string): string | null {
  try {
    const [codec, width, height] = execFileSync(
      'ffprobe',
      ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height', '-of', 'default=nw=1:nk=1', file],
      { encoding: 'utf8' }
    )
      .trim()
      .split('\n')
    return `${codec} ${width}×${height}`
  } catch {
    return null
  }
}

export type Recorded = {
  sessions: number
  seconds: number
  chunks: number
  markers: number
  /** clip.webm, the chunks as recorded. */
  clipBytes: number
  /** Everything under evidence/: the clips and whatever the seal keeps next to them (playable video, journal, manifest). */
  storeBytes: number
  /** The files of a sealed recording's folder, as this build of the station seals it. */
  files: string[]
  /** ffprobe of the first recording's clip.webm. */
  video: string | null
}

/** The sealed recordings of the order, summed. */
export function recorded(dataDir: string, orderNumber: string): Recorded {
  const sessions = sessionsOf(dataDir, orderNumber)
  const manifests = sessions.map((s) => JSON.parse(readFileSync(join(s, MANIFEST_FILE), 'utf8')) as Manifest)
  const sum = (f: (m: Manifest) => number) => manifests.reduce((n, m) => n + f(m), 0)
  return {
    sessions: sessions.length,
    seconds: sum((m) => m.durationMs) / 1000,
    chunks: sum((m) => m.chunks.length),
    markers: sum((m) => m.markers.length),
    clipBytes: sum((m) => m.clipBytes),
    storeBytes: folderBytes(evidenceRoot(dataDir)),
    files: sessions.length > 0 ? readdirSync(sessions[0]).sort() : [],
    video: sessions.length > 0 ? probeVideo(join(sessions[0], CLIP_FILE)) : null
  }
}
