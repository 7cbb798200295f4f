/**
 * How the camera over the bench is recorded (issue 17): what a packing video needs to show hands, a phone and a
 * box, and no more, because the encoder shares the station's CPU with the scan screen. At most 15 frames a second
 * and 1 Mbit/s (about 450 MB an hour) instead of Chromium's 30 fps and 2.5 Mbit/s default (about 1.1 GB an hour).
 * The bench (bench/paths/paintEvidence.ts) asks the camera the same way to report what was recorded.
 */
export const FRAME_RATE = { ideal: 15, max: 15 }
export const BITS_PER_SECOND = 1_000_000

/**
 * The encoders MediaRecorder is asked for, best first. H.264 (in WebM) first: measured on a 2-core station with the
 * camera at 640×480 and 15 fps, Chromium's H.264 encoder took about 12 % of one core where VP8 took 33–38 % (the
 * camera alone 6 %), and every point of a core the encoder takes is one the scan screen waits for. VP8 where H.264
 * cannot be recorded or played back here.
 */
export const RECORDER_TYPES = ['video/webm;codecs=h264', 'video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm']

/** What the station asks the browser: can it record this type, can it play H.264 (the evidence is watched here too). */
export type MediaSupport = { canRecord(type: string): boolean; canPlayH264(): boolean }

/** The first type the station can both record and play back; '' lets MediaRecorder choose. */
export function recorderType(support: MediaSupport): string {
  return RECORDER_TYPES.find((type) => support.canRecord(type) && (!type.includes('h264') || support.canPlayH264())) ?? ''
}

/** This window's MediaRecorder and <video>. */
export const browserMediaSupport = (): MediaSupport => ({
  canRecord: (type) => MediaRecorder.isTypeSupported(type),
  canPlayH264: () => document.createElement('video').canPlayType('video/mp4; codecs="avc1.42E01E"') !== ''
})
