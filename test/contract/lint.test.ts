// docs/oms-api.yaml is a valid OpenAPI 3.1 document: linted with Redocly's
// `recommended` rules (the OpenAPI structure, $refs, discriminators, examples
// checked against their schemas, overlapping oneOf branches), offline, on
// every `npm test`. Any problem, error or warning, fails the test.
//
// Why @redocly/openapi-core and not @apidevtools/swagger-parser: both are
// maintained and run offline, but swagger-parser only checks the document's
// shape against the OpenAPI meta-schema, while Redocly also checks meaning
// (a `oneOf` whose branches overlap — the bug that made 22 of 24 real batches
// fail — examples that do not match their schema, unused components).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lintDocument } from './lintDocument'

const DOC = resolve(import.meta.dirname, '../../docs/oms-api.yaml')

describe('docs/oms-api.yaml', () => {
  it('has no problem under the recommended rules', async () => {
    expect(await lintDocument(readFileSync(DOC, 'utf8'))).toEqual([])
  })

  it('finds what was wrong with version 1.0.0 of the document (kept as a fixture)', async () => {
    const problems = await lintDocument(readFileSync(resolve(import.meta.dirname, 'fixtures/oms-api-1.0.0.yaml'), 'utf8'))
    // The inline map whose comma made a bogus property of `reason`…
    expect(problems).toContainEqual(expect.stringMatching(/^error struct Property `e\.g\. "IMEI .*` is not expected here/))
    // …and the payload `oneOf` whose branches overlap (box.confirmed matched BoxConfirmed and BoxReopened).
    expect(problems).toContainEqual(
      expect.stringMatching(/^warn no-illogical-composition-keywords .*BoxConfirmed.*BoxReopened.*Event\/properties\/payload\/oneOf/)
    )
  })
})
