import { Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../shared/i18n/languages'

/**
 * A language picker (SPEC §10): each language in its own words. With `stationDefault`, a first choice
 * "Station's language" stands for null (an operator without their own language).
 */
export function LanguageSelect({
  value,
  onChange,
  stationDefault = false,
  disabled
}: {
  value: Language | null
  onChange: (language: Language | null) => void
  stationDefault?: boolean
  disabled?: boolean
}) {
  const { t } = useTranslation('common')
  const options = LANGUAGES.map((language) => ({ value: language, label: LANGUAGE_NAMES[language] }))
  return (
    <Select
      label={t('language.label')}
      size="lg"
      w={320}
      allowDeselect={false}
      disabled={disabled}
      value={value ?? ''}
      onChange={(v) => onChange(v ? (v as Language) : null)}
      data={stationDefault ? [{ value: '', label: t('language.stationDefault') }, ...options] : options}
    />
  )
}
