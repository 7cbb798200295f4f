// A station process recording evidence until it is killed (test/evidence/recording.test.ts):
// it appends a chunk every few milliseconds and says "chunk N" once each is journalled.
import { randomBytes } from 'node:crypto'
import { EvidenceRecording } from '../../src/main/core/evidence/recording'

const [folder] = process.argv.slice(2)
const recording = await EvidenceRecording.begin(folder!, {
  sessionId: '0193aaaa-0000-7000-8000-000000000001',
  orderId: 1,
  orderNumber: 'SO-KILL',
  channelOrderId: null,
  stationId: 'ST-1',
  operatorId: 2,
  operatorName: 'Marek Nowak',
  mimeType: 'video/webm;codecs=vp8',
  startedAt: new Date().toISOString()
})
for (let n = 1; ; n++) {
  const chunk = recording.appendChunk(randomBytes(4096 + (n % 7) * 1000), new Date())
  // The next chunk is already on its way to the clip when this one is reported: a kill lands mid-write.
  void recording.appendChunk(randomBytes(2048), new Date())
  await chunk
  process.stdout.write(`chunk ${2 * n - 1}\n`)
}
