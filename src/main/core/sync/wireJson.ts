// The body of POST /events as text. An outbox payload is stored as JSON text
// already: it is spliced into the body as it is (JsonText) instead of being
// parsed and written again, which is most of the work of a 500-event batch.
// The result is exactly what JSON.stringify({ stationId, events }) gives.
import type { WireEvent } from './omsWire'

/** JSON text that goes on the wire as it is; anything else that serializes it sees the parsed value. */
export class JsonText {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    return JSON.parse(this.text)
  }
}

const text = JSON.stringify

function eventJson(e: WireEvent): string {
  const payload = e.payload instanceof JsonText ? e.payload.text : text(e.payload)
  const operator = e.operator === null ? 'null' : text(e.operator)
  const omsOrderId = e.omsOrderId === null ? 'null' : text(e.omsOrderId)
  const head = `{"id":${text(e.id)},"type":${text(e.type)},"stationId":${text(e.stationId)},"operator":${operator},"at":${text(e.at)},"omsOrderId":${omsOrderId}`
  // JSON.stringify leaves out a key whose value is undefined.
  return payload === undefined ? `${head}}` : `${head},"payload":${payload}}`
}

/** The request body for a batch of events. */
export function eventBatchJson(stationId: string, events: WireEvent[]): string {
  return `{"stationId":${text(stationId)},"events":[${events.map(eventJson).join(',')}]}`
}
