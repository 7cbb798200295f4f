// Checks one HTTP exchange (a request and its answer, as they went over the
// wire) against docs/oms-api.yaml with ajv, the way an OMS that validates its
// requests would: path, method, parameters (path, query, headers), the bearer
// token, the JSON body, the answer's status, headers and body.
//
// Written by hand, and small: the OpenAPI parts that are not JSON Schema
// (finding the operation for a path, parameters, `$ref`s between
// responses) take a few lines; every schema check is ajv's, on the document's
// own schemas (JSON Schema 2020-12, as OpenAPI 3.1 has them).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import { parse } from 'yaml'

export const DOCUMENT_PATH = resolve(import.meta.dirname, '../../docs/oms-api.yaml')

/** One request and its answer, as recorded on the wire. */
export type Exchange = {
  method: string
  /** Path and query as sent, e.g. /v1/stations/ST-1/orders?limit=100 */
  url: string
  headers: Record<string, string>
  body: string
  status: number
  responseHeaders: Record<string, string>
  responseBody: string
}

type Json = Record<string, unknown>
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Json }

const ID = 'https://packing-station.local/oms-api.yaml'
// ajv-formats is CommonJS with a default export; under ESM the function may sit one level down.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => void

export class OpenApiContract {
  readonly document: Json
  private readonly ajv: Ajv2020
  private readonly validators = new Map<string, ValidateFunction>()

  constructor(readonly documentText = readFileSync(DOCUMENT_PATH, 'utf8')) {
    this.document = parse(documentText) as Json
    this.ajv = new Ajv2020({ strict: true, allErrors: true, discriminator: true })
    addFormats(this.ajv)
    // The document's own top-level fields are not schema keywords; ajv is told so, and stays strict inside the schemas.
    for (const keyword of Object.keys(this.document)) this.ajv.addKeyword(keyword)
    this.ajv.addSchema(withoutDiscriminatorMappings(this.document), ID)
  }

  get version(): string {
    return (this.document.info as { version: string }).version
  }

  /** Validates `value` against the schema at `pointer` in the document (e.g. `#/components/schemas/Event`). */
  validate(pointer: string, value: unknown, what = 'value'): string[] {
    let validator = this.validators.get(pointer)
    if (!validator) {
      validator = this.ajv.getSchema(`${ID}${pointer}`)
      if (!validator) throw new Error(`no schema at ${pointer}`)
      this.validators.set(pointer, validator)
    }
    return validator(value) ? [] : describe(what, validator.errors ?? [])
  }

  /** What in the request does not follow the document; empty when it does. */
  checkRequest(exchange: Exchange): string[] {
    const found = this.operation(exchange)
    if ('problem' in found) return [found.problem]
    const { operation, pointer, pathParams, query } = found
    const problems: string[] = []
    const raw = (operation.parameters as unknown[] | undefined) ?? []
    const parameters = raw.map((p, i) => ({ ...(this.deref(p) as Parameter), pointer: this.pointerOf(p, `${pointer}/parameters/${i}`) }))
    for (const [name] of query) {
      if (!parameters.some((p) => p.in === 'query' && p.name === name)) problems.push(`query parameter ${name} is not in the document`)
    }
    for (const p of parameters) {
      const sent = p.in === 'path' ? pathParams[p.name] : p.in === 'query' ? query.get(p.name) : exchange.headers[p.name.toLowerCase()]
      const where = `${p.in} parameter ${p.name}`
      if (sent === undefined || sent === null) {
        if (p.required) problems.push(`${where} is missing`)
        continue
      }
      const schema = this.deref(p.schema) as Json
      const value = schema.type === 'integer' && /^-?\d+$/.test(sent) ? Number(sent) : sent
      problems.push(...this.validate(`${p.pointer}/schema`, value, where))
    }
    const security = (operation.security ?? this.document.security) as Json[] | undefined
    if (security?.length && !/^Bearer \S+$/.test(exchange.headers.authorization ?? '')) problems.push('the bearer token is missing')
    const body = operation.requestBody ? (this.deref(operation.requestBody) as Json) : null
    if (body) {
      const json = parseJson(exchange.body)
      if (json === undefined) {
        if (body.required) problems.push('the request body is missing or not JSON')
      } else {
        problems.push(...this.validate(`${pointer}/requestBody/content/application~1json/schema`, json, 'body'))
      }
    } else if (exchange.body) {
      problems.push('a body where the document has none')
    }
    return problems
  }

  /** What in the answer does not follow the document; empty when it does. */
  checkResponse(exchange: Exchange): string[] {
    const found = this.operation(exchange)
    if ('problem' in found) return [found.problem]
    const responses = found.operation.responses as Json
    const key = [String(exchange.status), `${String(exchange.status)[0]}XX`, 'default'].find((k) => k in responses)
    if (!key) return [`status ${exchange.status} is not an answer the document lists for ${found.operation.operationId}`]
    const response = this.deref(responses[key]) as Json
    const pointer = this.pointerOf(responses[key], `${found.pointer}/responses/${key}`)
    const problems: string[] = []
    for (const [name, header] of Object.entries((response.headers as Json | undefined) ?? {})) {
      const value = exchange.responseHeaders[name.toLowerCase()]
      const spec = this.deref(header) as Json
      if (value === undefined) {
        if (spec.required) problems.push(`answer header ${name} is missing`)
        continue
      }
      const headerPointer = this.pointerOf(header, `${pointer}/headers/${escape(name)}`)
      problems.push(...this.validate(`${headerPointer}/schema`, value, `answer header ${name}`))
    }
    if (response.content) {
      const json = parseJson(exchange.responseBody)
      if (json === undefined) problems.push('the answer is not JSON')
      else problems.push(...this.validate(`${pointer}/content/application~1json/schema`, json, 'answer'))
    }
    return problems
  }

  /** The operation a request is for, with its JSON pointer and the values of its path parameters. */
  private operation(
    exchange: Exchange
  ): { operation: Json; pointer: string; pathParams: Record<string, string>; query: URLSearchParams } | { problem: string } {
    const url = new URL(exchange.url, 'http://oms.invalid')
    const base = new URL((this.document.servers as { url: string }[])[0]!.url).pathname.replace(/\/$/, '')
    if (!url.pathname.startsWith(`${base}/`)) return { problem: `${url.pathname} is not below ${base}` }
    const path = url.pathname.slice(base.length)
    for (const [template, item] of Object.entries(this.document.paths as Json)) {
      const names: string[] = []
      const pattern = new RegExp(`^${template.replace(/\{([^}]+)\}/g, (_, name: string) => (names.push(name), '([^/]+)'))}$`)
      const match = pattern.exec(path)
      if (!match) continue
      const method = exchange.method.toLowerCase()
      const operation = (item as Json)[method] as Json | undefined
      if (!operation) return { problem: `${exchange.method} ${template} is not in the document` }
      const pathParams = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]))
      return { operation, pointer: `#/paths/${escape(template)}/${method}`, pathParams, query: url.searchParams }
    }
    return { problem: `${exchange.method} ${path} is not in the document` }
  }

  /** Follows a `$ref` within the document (parameters, responses, headers). */
  private deref(value: unknown): unknown {
    let current = value
    for (let i = 0; i < 10 && isRef(current); i++) current = this.at(current.$ref)
    return current
  }

  private pointerOf(value: unknown, fallback: string): string {
    let pointer = fallback
    let current = value
    for (let i = 0; i < 10 && isRef(current); i++) {
      pointer = current.$ref
      current = this.at(current.$ref)
    }
    return pointer
  }

  private at(pointer: string): unknown {
    return pointer
      .replace(/^#\//, '')
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((node, part) => (node as Json | undefined)?.[part], this.document)
  }
}

const isRef = (value: unknown): value is { $ref: string } => typeof (value as { $ref?: unknown } | null)?.$ref === 'string'
const escape = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1')

function parseJson(text: string): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** ajv's errors as "body/events/0/payload must have required property 'from'". */
function describe(what: string, errors: ErrorObject[]): string[] {
  return errors.map((e) => {
    const extra = e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties' ? ` (${JSON.stringify(e.params)})` : ''
    return `${what}${e.instancePath} ${e.message ?? e.keyword}${extra}`
  })
}

/**
 * ajv picks the branch of a discriminated `oneOf` from the `const`/`enum` of the tag in each
 * branch, and refuses an explicit `mapping` (OpenAPI tools need it when the values are not the
 * schema names). So the mapping is checked against the branches here, then left out for ajv.
 */
function withoutDiscriminatorMappings(document: Json): Json {
  const copy = structuredClone(document)
  const schemas = (copy.components as { schemas: Record<string, Json> }).schemas
  const tagValues = (ref: string, tag: string): string[] => {
    const schema = schemas[ref.replace('#/components/schemas/', '')]
    const property = (schema?.properties as Record<string, Json> | undefined)?.[tag]
    return property ? [...((property.enum as string[]) ?? []), ...(property.const === undefined ? [] : [property.const as string])] : []
  }
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (typeof node !== 'object' || node === null) return
    const schema = node as Json
    const discriminator = schema.discriminator as { propertyName: string; mapping?: Record<string, string> } | undefined
    if (discriminator?.mapping) {
      for (const [value, ref] of Object.entries(discriminator.mapping)) {
        if (!tagValues(ref, discriminator.propertyName).includes(value)) {
          throw new Error(`discriminator mapping ${value} → ${ref}: that schema's ${discriminator.propertyName} does not allow ${value}`)
        }
      }
      const branches = (schema.oneOf as { $ref: string }[]).flatMap((b) => tagValues(b.$ref, discriminator.propertyName))
      const mapped = Object.keys(discriminator.mapping)
      if (branches.length !== mapped.length || branches.some((v) => !mapped.includes(v))) {
        throw new Error(`discriminator on ${discriminator.propertyName}: the mapping (${mapped}) and the branches (${branches}) differ`)
      }
      delete discriminator.mapping
    }
    Object.values(schema).forEach(visit)
  }
  visit(copy)
  return copy
}
