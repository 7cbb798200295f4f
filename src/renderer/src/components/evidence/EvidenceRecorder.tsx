import { useEffect, useRef, useState } from 'react'
import { Badge, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { station } from '../../api'
import { errorMessage } from '../../useAction'
import { startCameraRecording, type CameraRecording } from './cameraRecording'

type Status = { state: 'off' } | { state: 'recording' } | { state: 'failed'; message: string }

/** A still of the box just confirmed: the scan screens call it after a Save confirms a box. */
let takeStill: ((boxId: string) => void) | null = null
export const stillOfBox = (boxId: string) => takeStill?.(boxId)

/**
 * Records the order being packed (issue 17) while it is open in Used Scan,
 * Distribution Scan or Packing Confirmation: mounted once by the app with that
 * order's id (null on every other screen). It starts when an order opens, stops
 * when the order is left (the station itself stops it at Packing Confirmation
 * and at sign-out), and shows REC while it records. Off unless a shift lead
 * turned packing evidence on for this station.
 */
export function EvidenceRecorder({ orderId }: { orderId: number | null }) {
  const { t } = useTranslation('evidence')
  const [status, setStatus] = useState<Status>({ state: 'off' })
  const current = useRef<Promise<CameraRecording | null>>(Promise.resolve(null))

  useEffect(() => {
    if (orderId === null) return
    let left = false
    // Once the order is left, a late answer about its recording changes nothing on screen.
    const fault = (error: unknown) => !left && setStatus({ state: 'failed', message: errorMessage(error) })
    const ended = () => !left && setStatus({ state: 'off' })
    const starting = station.evidence.settings({}).then(async (settings) => {
      if (!settings.enabled || left) return null
      const recording = await startCameraRecording(orderId, settings.cameraId, fault, ended)
      setStatus({ state: 'recording' })
      takeStill = (boxId) => void recording.still(boxId).catch(fault)
      return recording
    })
    current.current = starting.catch((error: unknown) => {
      fault(error)
      return null
    })
    return () => {
      left = true
      takeStill = null
      setStatus({ state: 'off' })
      void current.current.then((recording) => recording?.stop('order_left'))
    }
  }, [orderId])

  if (status.state === 'off') return null
  return (
    <Tooltip label={status.state === 'failed' ? status.message : t('rec.tooltip')}>
      <Badge data-testid="evidence-rec" color={status.state === 'failed' ? 'orange' : 'red'} variant="filled" size="lg">
        {status.state === 'failed' ? t('rec.failed') : t('rec.label')}
      </Badge>
    </Tooltip>
  )
}
