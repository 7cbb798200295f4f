import { Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

type ShowMoreProps = {
  /** Rows shown so far, and how many there are in all. */
  shown: number
  open: number
  /** Whether the station has another page. */
  more: boolean
  onMore: () => void
  /** The list's order in words, e.g. "the most recently tried first". */
  order: string
  size?: 'md' | 'lg'
}

/** Under a paged table: "Showing 100 of 2,345, <order>." and Show more, while not every row is shown. */
export function ShowMore({ shown, open, more, onMore, order, size }: ShowMoreProps) {
  const { t } = useTranslation('common')
  if (!more && shown >= open) return null
  return (
    <Group>
      <Text size={size === 'lg' ? 'lg' : undefined} c="dimmed">
        {t('list.shown', { shown, open, order })}
      </Text>
      {more && (
        <Button variant="default" onClick={onMore}>
          {t('list.more')}
        </Button>
      )}
    </Group>
  )
}
