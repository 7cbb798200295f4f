// Every word the shift report prints (CSV and PDF), in one place: the
// catalogue of the second language (issue 16, part 2) takes them from here.
import type { RefusalClass } from '../../../shared/reports'

export const REFUSAL_WORDS: Record<RefusalClass, string> = {
  invalid_serial: 'Invalid serial',
  duplicate: 'Duplicate',
  wrong_item: 'Wrong item',
  over_scan: 'Over-scan',
  order_not_open: 'Order not open',
  hand_entry: 'Typed by hand'
}

export const WORDS = {
  title: 'Shift report',
  station: 'Station',
  from: 'From',
  to: 'To',
  operator: 'Operator',
  allOperators: 'All operators',
  generated: 'Generated',
  orders: 'Orders',
  packed: 'Packed',
  shipped: 'Shipped',
  inProgressNow: 'In progress (now)',
  onHoldNow: 'On hold (now)',
  waitingNow: 'Waiting (now)',
  units: 'Units scanned',
  hourStarting: 'Hour starting',
  dayStarting: 'Day starting',
  unitsColumn: 'Units',
  sameHourYesterday: 'Same hour yesterday',
  pace: 'Operators',
  unitsPerHour: 'Units per hour',
  secondsPerUnit: 'Seconds per unit',
  refusals: 'Refusals',
  refusalClass: 'Class',
  count: 'Count',
  latestRefusals: 'Latest refusals',
  time: 'Time',
  order: 'Order',
  scanned: 'Scanned',
  message: 'Message',
  boxesConfirmed: 'Boxes confirmed',
  printFailures: 'Print failures',
  kind: 'Label',
  printer: 'Printer',
  error: 'Error',
  outboxWaiting: 'Events waiting for the OMS (now)',
  outboxRejected: 'Events the OMS rejected (now)',
  blocked: 'Cancelled orders with units to unpack (now)',
  toUnpack: 'Orders to unpack (now)',
  none: '—',
  page: (n: number, of: number) => `page ${n} of ${of}`
} as const
