import type { ReactNode } from 'react'
import { Grid, Paper, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OrderDetail } from '../../../shared/orders'
import { BoxesList } from './BoxesList'
import { LinesTable } from './LinesTable'

/** An order's lines (ordered vs scanned), its boxes, and whatever the screen shows beside the boxes. */
export function LinesAndBoxes({ order, aside }: { order: OrderDetail; aside: ReactNode }) {
  const { t } = useTranslation('packing')
  return (
    <>
      <Paper withBorder p="md">
        <LinesTable lines={order.lines} />
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Title order={3} mb="xs">
            {t('box.list')}
          </Title>
          <BoxesList boxes={order.boxes} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>{aside}</Grid.Col>
      </Grid>
    </>
  )
}
