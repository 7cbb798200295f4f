import { Group, Select, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Operator } from '../../../../shared/operators'
import type { OrderStatus } from '../../../../shared/orders'
import type { OrderFilters } from './useOrderList'

const STATUSES: OrderStatus[] = ['on_hold', 'ready', 'in_progress', 'packed', 'shipped', 'cancelled']

type OrderFiltersBarProps = {
  filters: OrderFilters
  onChange: (filters: OrderFilters) => void
  /** Enter in Search (a scanned order number): the screen opens the order when exactly one matches. */
  onSearchEnter: () => void
  me: Operator | null
  operators: Operator[]
}

/** Search (it has the cursor when the screen opens), Status and Assigned to. */
export function OrderFiltersBar({ filters, onChange, onSearchEnter, me, operators }: OrderFiltersBarProps) {
  const { t } = useTranslation('orders')
  return (
    <Group align="end">
      <form
        style={{ flex: 1 }}
        onSubmit={(e) => {
          e.preventDefault()
          onSearchEnter()
        }}
      >
        <TextInput
          label={t('filters.search')}
          placeholder={t('filters.searchHint')}
          value={filters.query}
          onChange={(e) => onChange({ ...filters, query: e.currentTarget.value })}
          autoFocus
          size="lg"
        />
      </form>
      <Select
        label={t('filters.status')}
        placeholder={t('filters.allStatuses')}
        clearable
        size="lg"
        w={220}
        value={filters.status}
        onChange={(v) => onChange({ ...filters, status: v as OrderStatus | null })}
        data={STATUSES.map((s) => ({ value: s, label: t(`common:status.${s}`) }))}
      />
      <Select
        label={t('filters.assignedTo')}
        size="lg"
        w={260}
        allowDeselect={false}
        value={filters.assignedTo}
        onChange={(v) => onChange({ ...filters, assignedTo: v ?? '' })}
        data={[
          { value: '', label: t('filters.anyOperator') },
          { value: 'me', label: me ? t('filters.meNamed', { name: me.name }) : t('filters.me') },
          ...operators.map((o) => ({ value: String(o.id), label: o.name }))
        ]}
      />
    </Group>
  )
}
