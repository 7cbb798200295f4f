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

/** The arguments of a list read a page at a time by key: how many (at most 500), and the previous page's `nextCursor`. */
export const pageQuery = <C extends z.ZodType>(cursor: C) =>
  z.strictObject({ limit: z.number().int().min(1).max(500).optional(), cursor: cursor.optional() })

/** One page of such a list under `key`: its rows, where the next page starts (null on the last), how many there are in all. */
export const pageOf = <K extends string, R extends z.ZodType, C extends z.ZodType>(key: K, row: R, cursor: C) =>
  z.object({ [key]: z.array(row), nextCursor: cursor.nullable(), open: z.number().int() } as { [k in K]: z.ZodArray<R> } & {
    nextCursor: z.ZodNullable<C>
    open: z.ZodNumber
  })
