// The scan screen's big counts (CountValue) in the screen's language: "2,000" / "12,345" in English, "2000" /
// "12 345" in Polish, rendered by React with the same catalogue set-up as the renderer.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { CountValue } from '../../src/renderer/src/components/CountValue'
import { readLocalesFolder } from '../../src/main/core/i18n/catalogue'
import { createI18n } from '../../src/shared/i18n/createI18n'
import { findAppFolder } from '../../src/main/core/paths'
import type { Language } from '../../src/shared/i18n/languages'

const resources = readLocalesFolder(findAppFolder('src/shared/i18n/locales', 'en'))

/** The text of the count's <output>, as a screen reader and the e2e specs read it. */
function shown(value: number, language: Language): string {
  const i18n = createI18n(resources, language)
  const html = renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(CountValue, { id: 'scan-count', label: 'Scan Count', value }))
  )
  return /<output[^>]*>([^<]*)<\/output>/.exec(html)![1]!.replace(/&nbsp;/g, '\u00a0')
}

describe('CountValue', () => {
  it('shows a count in the language of the screen', () => {
    expect(shown(2000, 'en')).toBe('2,000')
    expect(shown(12345, 'en')).toBe('12,345')
    expect(shown(2000, 'pl')).toBe('2000')
    expect(shown(12345, 'pl')).toBe('12\u00a0345')
    expect(shown(7, 'pl')).toBe('7')
  })
})
