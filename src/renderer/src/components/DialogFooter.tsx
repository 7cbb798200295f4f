import { Button, Group } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The title of the station's dialogs: large enough to read at arm's length. */
export const DIALOG_STYLES = { title: { fontSize: '1.6rem', fontWeight: 800 } }

type DialogFooterProps = {
  onCancel: () => void
  /** The submit button's label (default "Save"). */
  submit?: string
  color?: string
  /** While the dialog's call is under way: the submit button spins and Cancel waits. */
  busy?: boolean
}

/** Cancel and the form's submit button, at the foot of a dialog's form. */
export function DialogFooter({ onCancel, submit, color, busy = false }: DialogFooterProps) {
  const { t } = useTranslation('common')
  return (
    <Group justify="flex-end" mt="sm">
      <Button size="lg" variant="default" onClick={onCancel} disabled={busy}>
        {t('actions.cancel')}
      </Button>
      <Button size="lg" type="submit" color={color} loading={busy}>
        {submit ?? t('actions.save')}
      </Button>
    </Group>
  )
}
