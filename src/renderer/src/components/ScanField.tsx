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
 */
export const ScanField = memo(
  forwardRef<ScanFieldHandle, { label: string; onScan: (entry: ScanEntry) => void; disabled?: boolean; placeholder?: string }>(
    function ScanField({ label, onScan, disabled, placeholder }, ref) {
      const stamps = useRef<number[]>([])
      const input = useRef<HTMLInputElement>(null)
      useImperativeHandle(ref, () => ({ focus: () => setTimeout(() => input.current?.focus(), 0) }))

      return (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            const field = input.current
            if (!field) return
            const value = field.value
            const entry = { value, entryMethod: classifyEntry(stamps.current, value.length) }
            stamps.current = []
            field.value = ''
            if (entry.value.trim()) onScan(entry)
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
    }
  )
)
