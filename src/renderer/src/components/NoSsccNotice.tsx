import { useEffect, useState } from 'react'
import { Alert } from '@mantine/core'
import { station } from '../api'

/**
 * Wherever boxes are confirmed: a station without a GS1 company prefix says, in plain words, that its boxes
 * get no SSCC (and so no GS1-128 barcode on the box label), and who can change that.
 */
export function NoSsccNotice() {
  const [missing, setMissing] = useState(false)
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
    <Alert color="yellow" title="Boxes get no SSCC" role="note">
      This station has no GS1 company prefix, so the boxes confirmed here get no SSCC shipping code (their labels cannot be printed). A
      shift lead sets the prefix in Printing → Print settings.
    </Alert>
  )
}
