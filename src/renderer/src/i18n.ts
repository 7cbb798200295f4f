// The renderer's catalogue: every string a screen shows comes from src/shared/i18n/locales through
// `const { t } = useTranslation('<namespace>')`. English until the station's or operator's language is known.
import { initReactI18next } from 'react-i18next'
import { createI18n } from '../../shared/i18n/createI18n'
import { bundledResources } from '../../shared/i18n/resources'

export const i18n = createI18n(bundledResources() ?? {}, undefined, (instance) => instance.use(initReactI18next))
