import { useEffect, useState } from 'react'
import { Alert } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { station } from '../api'

/**
 * Wherever boxes are confirmed: a station without a GS1 company prefix says, in plain words, that its boxes
 * get no SSCC (and so no GS1-128 barcode on the box label), and who can change that.
 */
export function NoSsccNotice() {
  const [missing, setMissing] = useState(false)
  const { t } = useTranslation('packing')
  useEffect(() => {
    let live = true
    station.printing.settings().then(
      (s) => live && setMissing(s.gs1 === null),
      () => undefined
    )
    return () => {
      live = false
    }
  }, [])
  if (!missing) return null
  return (
    <Alert color="yellow" title={t('noSscc.title')} role="note">
      {t('noSscc.text')}
    </Alert>
  )
}
