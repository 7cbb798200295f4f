import { TextInput, type TextInputProps } from '@mantine/core'

type EnterFieldProps = Omit<TextInputProps, 'value' | 'onChange'> & {
  value: string
  onChange: (value: string) => void
  /** Enter in the field: a scanner that types like a keyboard ends its scan with it. */
  onEnter: () => void
}

/** A text field in a form of its own, for what is typed or scanned and then sent with Enter; never autofilled. */
export function EnterField({ value, onChange, onEnter, ...props }: EnterFieldProps) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        onEnter()
      }}
    >
      <TextInput autoComplete="off" {...props} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
    </form>
  )
}
