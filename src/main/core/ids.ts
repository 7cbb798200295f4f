import { v7 as uuidv7 } from 'uuid'

/** Ids that leave the station (boxes, units, events): UUIDv7, unique across stations and time-ordered. */
export const newId = (): string => uuidv7()
