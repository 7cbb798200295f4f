// Small zod pieces every domain file of the contract uses.
import { z } from 'zod'

/** A database id. */
export const id = z.number().int().positive()
/** Trimmed text of 1 to `max` characters. */
export const text = (max: number) => z.string().trim().min(1).max(max)
/** Why a shift lead approved an exception, in a few words. */
export const reason = z.string().trim().min(3, 'Give a reason (a few words)').max(200)
/** The arguments of a channel that takes none. */
export const none = z.strictObject({})
