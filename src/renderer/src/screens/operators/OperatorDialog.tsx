import type { ReactNode } from 'react'
import { Modal, Stack } from '@mantine/core'
import { DIALOG_STYLES, DialogFooter } from '../../components/DialogFooter'
import type { FormProps } from './operatorForms'

type OperatorDialogProps = Pick<FormProps, 'hidden' | 'onCancel'> & { title: string; onSubmit: () => void; children: ReactNode }

/** The frame of every operator dialog: its form's fields, then Cancel and Save (Enter saves too). */
export function OperatorDialog({ title, hidden, onCancel, onSubmit, children }: OperatorDialogProps) {
  return (
    <Modal opened={!hidden} keepMounted onClose={onCancel} title={title} size="lg" centered styles={DIALOG_STYLES}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          onSubmit()
        }}
      >
        <Stack>
          {children}
          <DialogFooter onCancel={onCancel} />
        </Stack>
      </form>
    </Modal>
  )
}
