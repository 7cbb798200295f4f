import { Group, Select, TextInput } from '@mantine/core'
import type { Operator } from '../../../../shared/operators'
import type { OrderStatus } from '../../../../shared/orders'
import { statusLabel } from '../../components/StatusBadge'
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
          label="Search"
          placeholder="Order number, channel order id, OMS id, parent order id or IMEI"
          value={filters.query}
          onChange={(e) => onChange({ ...filters, query: e.currentTarget.value })}
          autoFocus
          size="lg"
        />
      </form>
      <Select
        label="Status"
        placeholder="All statuses"
        clearable
        size="lg"
        w={220}
        value={filters.status}
        onChange={(v) => onChange({ ...filters, status: v as OrderStatus | null })}
        data={STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
      />
      <Select
        label="Assigned to"
        size="lg"
        w={260}
        allowDeselect={false}
        value={filters.assignedTo}
        onChange={(v) => onChange({ ...filters, assignedTo: v ?? '' })}
        data={[
          { value: '', label: 'Any operator' },
          { value: 'me', label: `Me${me ? ` (${me.name})` : ''}` },
          ...operators.map((o) => ({ value: String(o.id), label: o.name }))
        ]}
      />
    </Group>
  )
}
