import type { Ref } from 'react'
import { PasswordInput, type PasswordInputProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** A PIN as the station takes it: 4 to 8 digits. */
export const isPin = (pin: string): boolean => /^\d{4,8}$/.test(pin)

type PinFieldProps = Omit<PasswordInputProps, 'value' | 'onChange'> & {
  value: string
  onChange: (pin: string) => void
  ref?: Ref<HTMLInputElement>
  /**
   * Drop anything but digits as it is typed (default). Off where a badge scanned into the field
   * by mistake must be refused as it is, not sent as the digits it happens to contain.
   */
  digitsOnly?: boolean
}

/** The PIN field: hidden, a numeric keypad on touch screens, at most 8 characters, never autofilled. */
export function PinField({ value, onChange, digitsOnly = true, label, ...props }: PinFieldProps) {
  const { t } = useTranslation('common')
  return (
    <PasswordInput
      label={label ?? t('pin')}
      inputMode="numeric"
      autoComplete="off"
      maxLength={8}
      {...props}
      value={value}
      onChange={(e) => onChange(digitsOnly ? e.currentTarget.value.replace(/\D/g, '') : e.currentTarget.value)}
    />
  )
}
