// Which encoder the recorder asks for (issue 17: recording must not slow
// scanning): H.264 where the station can record and play it, VP8 otherwise.
import { describe, expect, it } from 'vitest'
import { recorderType } from '../../src/renderer/src/components/evidence/recordingQuality'

const station = (recordable: string[], playsH264: boolean) => ({
  canRecord: (type: string) => recordable.includes(type),
  canPlayH264: () => playsH264
})

describe('the type the camera is recorded as', () => {
  it('is H.264 in WebM where the station records and plays it', () => {
    expect(recorderType(station(['video/webm;codecs=h264', 'video/webm;codecs=vp8'], true))).toBe('video/webm;codecs=h264')
  })

  it('is VP8 where H.264 can be recorded but not played back here', () => {
    expect(recorderType(station(['video/webm;codecs=h264', 'video/webm;codecs=vp8'], false))).toBe('video/webm;codecs=vp8')
  })

  it('is VP8 where H.264 cannot be recorded', () => {
    expect(recorderType(station(['video/webm;codecs=vp8', 'video/webm;codecs=vp9'], true))).toBe('video/webm;codecs=vp8')
  })

  it("is left to MediaRecorder when it names none of the station's types", () => {
    expect(recorderType(station([], true))).toBe('')
  })
})
