import { useRef, useState } from 'react'
import type { ReturnCheck, ReturnRecord } from '../../../../shared/shipping'
import { station } from '../../api'
import type { ScanEntry, ScanFieldHandle } from '../../components/ScanField'
import { playFeedback } from '../../feedback/sounds'
import { errorMessage, useAction } from '../../useAction'
import { FLAG_PANEL, type Panel } from './returnFlags'

const READY: Panel = { cls: 'idle', headline: 'ready', hint: 'ready' }
const RECORDED: Panel = { cls: 'idle', headline: 'ready', hint: 'recorded' }

/**
 * One returned parcel being scanned: each unit checked against the shipped order (flagged
 * loudly when it does not belong), then recorded whole. `onRecorded` refreshes the earlier returns.
 */
export function useReturnParcel(orderId: number, onRecorded: () => void) {
  const [parcel, setParcel] = useState<ReturnCheck[]>([])
  const [panel, setPanel] = useState<Panel>(READY)
  const [note, setNote] = useState('')
  const [recorded, setRecorded] = useState<ReturnRecord | null>(null)
  const recording = useAction()
  const field = useRef<ScanFieldHandle>(null)
  const busy = useRef(false)

  const show = (next: Panel) => {
    setPanel(next)
    if (next.cls !== 'idle') playFeedback(next.cls)
  }

  const check = async (entry: ScanEntry) => {
    if (busy.current) return
    busy.current = true
    setRecorded(null)
    recording.clear()
    try {
      const result = await station.returns.check({ orderId, input: entry.value, inParcel: parcel.map((u) => u.serial) })
      setParcel((units) => [...units, result])
      show({ ...FLAG_PANEL[result.flag ?? 'ok'], message: result.message, words: result.words })
    } catch (e) {
      show({ cls: 'invalid_serial', headline: 'notAdded', message: errorMessage(e) })
    } finally {
      busy.current = false
      field.current?.focus()
    }
  }

  const record = async () => {
    const result = await recording.run(() =>
      station.returns.record({ orderId, serials: parcel.map((u) => u.serial), note: note.trim() || undefined })
    )
    if (result) {
      setRecorded(result)
      setParcel([])
      setNote('')
      setPanel(RECORDED)
      onRecorded()
    }
    field.current?.focus()
  }

  const remove = (serial: string) => setParcel((units) => units.filter((u) => u.serial !== serial))

  return { parcel, panel, note, setNote, recorded, failure: recording.error, field, check, record, remove }
}
