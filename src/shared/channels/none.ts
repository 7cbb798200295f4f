import { z } from 'zod'

/** The arguments of a channel that takes none. */
export const none = z.object({}).strict()
