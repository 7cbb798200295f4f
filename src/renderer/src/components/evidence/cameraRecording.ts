// The camera over the bench, recording one order (issue 17): getUserMedia and
// MediaRecorder in one-second slices, each slice sent to the station in order
// (evidence:chunk) as soon as it comes, so a crash loses at most the last
// second. A still is a frame of the same stream, as a JPEG. No React here:
// ./EvidenceRecorder.tsx decides when a recording starts and stops.
import type { StopReason } from '../../../../shared/evidence'
import { StationError } from '../../../../shared/contract'
import { station } from '../../api'
import { BITS_PER_SECOND, browserMediaSupport, FRAME_RATE, recorderType } from './recordingQuality'

const SLICE_MS = 1000

export type CameraRecording = {
  sessionId: string
  still(boxId: string): Promise<void>
  stop(reason: StopReason): Promise<void>
}

/**
 * A slice as base64, encoded by the browser (FileReader's data URL) rather than in a loop of
 * String.fromCharCode on the thread that paints the scan screen: for a one-second slice of a real
 * camera (125 KB at 1 Mbit/s) the loop held that thread 5–13 ms a second, the reader 1–5 ms
 * (measured in Chromium on the 2-core station, 20 slices each; the same text out).
 */
const toBase64 = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const url = String(reader.result)
      // The payload has no comma (base64); a slice's type may (codecs="…,…").
      resolve(url.slice(url.lastIndexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('The camera slice could not be read.'))
    reader.readAsDataURL(blob)
  })

export async function startCameraRecording(
  orderId: number,
  cameraId: string | null,
  onFault: (error: unknown) => void,
  onEnded: () => void = () => undefined
): Promise<CameraRecording> {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: cameraId ? { deviceId: { exact: cameraId }, frameRate: FRAME_RATE } : { frameRate: FRAME_RATE },
    audio: false
  })
  const mimeType = recorderType(browserMediaSupport())
  let sessionId: string
  try {
    sessionId = (await station.evidence.start({ orderId, mimeType: mimeType || 'video/webm' })).sessionId
  } catch (error) {
    for (const track of stream.getTracks()) track.stop()
    throw error
  }
  const recorder = new MediaRecorder(stream, { ...(mimeType ? { mimeType } : {}), videoBitsPerSecond: BITS_PER_SECOND })
  // Slices go one after the other: the station appends them in the order they are sent.
  let sending: Promise<unknown> = Promise.resolve()
  // The station ended the recording itself (the Packing Confirmation sealed it, or a sign-out): the camera stops, no fault.
  const endedByStation = () => {
    if (recorder.state !== 'inactive') recorder.stop()
    for (const track of stream.getTracks()) track.stop()
    onEnded()
  }
  recorder.ondataavailable = (event) => {
    if (event.data.size === 0) return
    sending = sending
      .then(async () => station.evidence.chunk({ sessionId, data: await toBase64(event.data) }))
      .catch((error: unknown) => (error instanceof StationError && error.code === 'not_found' ? endedByStation() : onFault(error)))
  }
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()))
  recorder.start(SLICE_MS)

  const video = document.createElement('video')
  video.muted = true
  video.srcObject = stream
  void video.play().catch(() => undefined)

  return {
    sessionId,
    async still(boxId) {
      if (video.videoWidth === 0) return
      const canvas = document.createElement('canvas')
      canvas.width = video.videoWidth
      canvas.height = video.videoHeight
      canvas.getContext('2d')?.drawImage(video, 0, 0)
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
      if (blob) await station.evidence.still({ sessionId, boxId, data: await toBase64(blob) })
    },
    async stop(reason) {
      if (recorder.state !== 'inactive') recorder.stop()
      await stopped
      await sending
      for (const track of stream.getTracks()) track.stop()
      video.srcObject = null
      // Already stopped by the station (the packing was confirmed, or the operator signed out): nothing to do.
      await station.evidence.stop({ sessionId, reason }).catch(() => undefined)
    }
  }
}
