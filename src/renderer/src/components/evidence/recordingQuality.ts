/**
 * How the camera over the bench is recorded (issue 17): what a packing video needs to show hands, a phone and a
 * box, and no more, because the encoder shares the station's CPU with the scan screen. At most 15 frames a second
 * and 1 Mbit/s (about 450 MB an hour) instead of Chromium's 30 fps and 2.5 Mbit/s default (about 1.1 GB an hour).
 * The bench (bench/paths/paintEvidence.ts) asks the camera the same way to report what was recorded.
 */
export const FRAME_RATE = { ideal: 15, max: 15 }
export const BITS_PER_SECOND = 1_000_000
export const RECORDER_TYPES = ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm']
