// Walks a zod schema and lists every object in it that does not refuse
// unknown keys (zod's default is to drop them silently).
import type { z } from 'zod'

type Def = { type: string; catchall?: { _zod: { def: { type: string } } }; [k: string]: unknown }
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def

export function looseObjects(schema: z.ZodType, path = '$', seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return []
  seen.add(schema)
  const def = defOf(schema)
  const inner = (s: unknown, p: string) => (s ? looseObjects(s as z.ZodType, p, seen) : [])
  switch (def.type) {
    case 'object': {
      const own = def.catchall?._zod.def.type === 'never' ? [] : [path]
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape
      return [...own, ...Object.entries(shape).flatMap(([key, value]) => inner(value, `${path}.${key}`))]
    }
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option, i) => inner(option, `${path}|${i}`))
    case 'intersection':
      return [...inner(def.left, path), ...inner(def.right, path)]
    case 'array':
      return inner(def.element, `${path}[]`)
    case 'record':
      return inner(def.valueType, `${path}{}`)
    case 'pipe':
      return [...inner(def.in, path), ...inner(def.out, path)]
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType, path)
    case 'lazy':
      return inner((def.getter as () => unknown)(), path)
    default:
      return []
  }
}
