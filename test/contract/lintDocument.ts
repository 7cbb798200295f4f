// Lints an OpenAPI document's text with Redocly's `recommended` rules, offline.
import { createConfig, lintFromString } from '@redocly/openapi-core'

/** Two rules are switched off, on purpose: */
const RULES = {
  // An internal contract between a warehouse's own systems: there is no public licence to name.
  'info-license': 'off',
  // The server address is a placeholder by design: each station is told its OMS's address in its settings.
  'no-server-example.com': 'off'
} as const

/** Every problem as "severity rule message (where)"; empty when the document is clean. */
export async function lintDocument(text: string): Promise<string[]> {
  const config = await createConfig({ extends: ['recommended'], rules: RULES })
  const problems = await lintFromString({ source: text, absoluteRef: 'oms-api.yaml', config })
  return problems.map((p) => `${p.severity} ${p.ruleId} ${p.message} (${p.location[0]?.pointer ?? ''})`)
}
