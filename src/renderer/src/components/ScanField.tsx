import { forwardRef, memo, useImperativeHandle, useRef } from 'react'
import { TextInput } from '@mantine/core'
import { classifyEntry } from '../../../shared/handEntry'

export type ScanEntry = { value: string; entryMethod: 'scanned' | 'typed' }
export type ScanFieldHandle = { focus(): void }

/**
 * The field a keyboard-wedge scanner types into: Enter ends a scan, the
 * keystroke timing tells a scan from hand typing, and the cursor comes back
 * here whenever the operator is not using another control. The field is
 * left to the browser (uncontrolled): a scanner types a character every few
 * milliseconds, and drawing the field again through React for each one cost
 * more than a millisecond apiece. For the same reason it is not drawn again
 * when its props are unchanged (a scan screen redraws after every scan).
 *
 * When `onScan` returns a promise (the scan screens: it settles in the task that draws the station's answer), the
 * entry stays in the field until then and is cleared with the answer, in the same frame: clearing it at Enter made
 * a frame of its own, and the browser then makes the next one (the new Scan Count) only a whole frame interval
 * later, however soon the answer came (issue 10). What is typed meanwhile stays in the field.
 */
export const ScanField = memo(
  forwardRef<
    ScanFieldHandle,
    { label: string; onScan: (entry: ScanEntry) => void | Promise<unknown>; disabled?: boolean; placeholder?: string }
  >(function ScanField({ label, onScan, disabled, placeholder }, ref) {
    const stamps = useRef<number[]>([])
    const input = useRef<HTMLInputElement>(null)
    // The entry sent and not yet answered (still shown in the field), when onScan returned a promise.
    const pending = useRef<string | null>(null)
    useImperativeHandle(ref, () => ({ focus: () => setTimeout(() => input.current?.focus(), 0) }))

    /** Enter: the entry goes to onScan (see above for when the field lets it go). */
    const submit = () => {
      const field = input.current
      if (!field) return
      // An entry still waiting for its answer is not sent again: what follows it in the field is this one.
      const shown = field.value
      const sent = pending.current !== null && shown.startsWith(pending.current) ? pending.current : ''
      const value = shown.slice(sent.length)
      const entry = { value, entryMethod: classifyEntry(stamps.current, value.length) }
      stamps.current = []
      if (!entry.value.trim()) {
        field.value = sent
        return
      }
      const answered = onScan(entry)
      if (!(answered instanceof Promise) || sent) {
        field.value = sent
        return
      }
      pending.current = shown
      const settled = () => {
        pending.current = null
        // Typed meanwhile (the next scan's start) stays; the answered entry goes.
        if (field.value.startsWith(shown)) field.value = field.value.slice(shown.length)
      }
      // A refusal is onScan's to show; the field only lets the entry go.
      void answered.then(settled, settled)
    }

    return (
      <form
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <TextInput
          ref={input}
          className="serial-input"
          label={label}
          disabled={disabled}
          placeholder={placeholder}
          onKeyDown={(e) => {
            if (e.key.length === 1) stamps.current.push(e.timeStamp)
            // Enter sends the scan from its keydown: the keypress, text input and form submission the browser would
            // dispatch first cost about a millisecond on the way to the station (issue 10).
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault()
              submit()
            }
          }}
          onChange={(e) => {
            if (e.currentTarget.value === '') stamps.current = []
          }}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          onBlur={() => {
            // Keep the cursor in the scan field unless the operator is using another control.
            setTimeout(() => {
              const active = document.activeElement
              if (!active || active === document.body) input.current?.focus()
            }, 0)
          }}
        />
      </form>
    )
  })
)
