// The board's charts (recharts, drawn as SVG in the page: nothing new for the CSP): units per hour against the
// same hour yesterday, and refusals by class. Two colours, large ticks, no animation: read from a step away.
import { Bar, BarChart, CartesianGrid, LabelList, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ShiftFigures } from '../../../../shared/reports'
import { useReportWords } from './words'

const NOW = '#1c7ed6'
const BEFORE = '#adb5bd'
const REFUSAL = '#e8590c'
const TICK = { fontSize: 16, fill: '#343a40' }

export function UnitsChart({ figures, live }: { figures: ShiftFigures; live: boolean }) {
  const { W, F } = useReportWords()
  const hourly = figures.bucket === 'hour'
  const data = figures.units.buckets.map((b) => ({
    label: F.bucket(b.start, figures.bucket),
    units: b.units,
    previous: b.previous
  }))
  return (
    <div aria-label={hourly ? W.unitsPerHour : W.unitsPerDay} data-chart="units">
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={data} margin={{ top: 24, right: 8, left: 0, bottom: 0 }} barGap={2}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={TICK} interval={0} />
          <YAxis allowDecimals={false} tick={TICK} width={48} tickFormatter={(v: number) => F.number(v)} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 16 }} />
          {hourly && <Bar dataKey="previous" name={W.yesterday} fill={BEFORE} isAnimationActive={false} />}
          <Bar dataKey="units" name={live ? W.today : W.thisRange} fill={NOW} isAnimationActive={false}>
            <LabelList
              dataKey="units"
              position="top"
              fontSize={16}
              fontWeight={700}
              formatter={(v: unknown) => (typeof v === 'number' && v ? F.number(v) : '')}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}

export function RefusalsChart({ figures }: { figures: ShiftFigures }) {
  const { W, REFUSAL_NAMES, F } = useReportWords()
  const data = figures.refusals.map((r) => ({ name: REFUSAL_NAMES[r.class], count: r.count }))
  return (
    <div aria-label={W.refusalsByClass} data-chart="refusals">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 48, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={TICK} tickFormatter={(v: number) => F.number(v)} />
          <YAxis type="category" dataKey="name" tick={TICK} width={150} />
          <Bar dataKey="count" name={W.refusals} fill={REFUSAL} isAnimationActive={false}>
            <LabelList dataKey="count" position="right" fontSize={18} fontWeight={700} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
