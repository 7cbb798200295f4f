import { forwardRef, useImperativeHandle, useRef, useState } from 'react'
import { TextInput } from '@mantine/core'
import { classifyEntry } from '../../../shared/handEntry'

export type ScanEntry = { value: string; entryMethod: 'scanned' | 'typed' }
export type ScanFieldHandle = { focus(): void }

/**
 * The field a keyboard-wedge scanner types into: Enter ends a scan, the
 * keystroke timing tells a scan from hand typing, and the cursor comes back
 * here whenever the operator is not using another control.
 */
export const ScanField = forwardRef<
  ScanFieldHandle,
  { label: string; onScan: (entry: ScanEntry) => void; disabled?: boolean; placeholder?: string }
>(function ScanField({ label, onScan, disabled, placeholder }, ref) {
  const [value, setValue] = useState('')
  const stamps = useRef<number[]>([])
  const input = useRef<HTMLInputElement>(null)
  useImperativeHandle(ref, () => ({ focus: () => setTimeout(() => input.current?.focus(), 0) }))

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        const entry = { value, entryMethod: classifyEntry(stamps.current, value.length) }
        stamps.current = []
        setValue('')
        if (entry.value.trim()) onScan(entry)
      }}
    >
      <TextInput
        ref={input}
        className="serial-input"
        label={label}
        value={value}
        disabled={disabled}
        placeholder={placeholder}
        onKeyDown={(e) => {
          if (e.key.length === 1) stamps.current.push(e.timeStamp)
        }}
        onChange={(e) => {
          const next = e.currentTarget.value
          if (next === '') stamps.current = []
          setValue(next)
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
