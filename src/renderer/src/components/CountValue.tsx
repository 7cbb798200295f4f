import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../shared/numberFormat'

/**
 * A big labelled number ("Scan Count", "Pending Count"): the label names the value for screen readers and tests.
 * The number in the language's format ("2,000" / "2000", "12 345"), through a formatter kept per language: this
 * is on the scan screen's paint path, so no Intl.NumberFormat is built per render.
 */
export function CountValue({ id, label, value }: { id: string; label: string; value: number }) {
  const { i18n } = useTranslation()
  return (
    <>
      <label className="count-label" htmlFor={id}>
        {label}
      </label>
      <output id={id} className="count-value">
        {formatNumber(value, i18n.language)}
      </output>
    </>
  )
}
