import { useEffect, useState } from 'react'
import { Group, NumberInput, Paper, Radio, Stack, Text, Title } from '@mantine/core'
import type { BoxPreset } from '../../../shared/packing'
import { station } from '../api'

export type BoxDetailsChoice = { presetId?: number; dimensionsMm?: { length: number; width: number; height: number }; weightG?: number }

/**
 * Step 5 of Distribution Scan: the box's dimensions from a preset or custom,
 * and optionally its weight (the station refuses a weight over the preset's maximum).
 */
export function BoxDimensions({ boxNumber, onChange }: { boxNumber: number; onChange: (choice: BoxDetailsChoice | null) => void }) {
  const [presets, setPresets] = useState<BoxPreset[]>([])
  const [choice, setChoice] = useState<string>('')
  const [custom, setCustom] = useState({ length: '' as number | string, width: '' as number | string, height: '' as number | string })
  const [weightKg, setWeightKg] = useState<number | string>('')

  useEffect(() => {
    station.presets.list().then(setPresets, () => setPresets([]))
  }, [])

  useEffect(() => {
    const weightG = typeof weightKg === 'number' && weightKg > 0 ? Math.round(weightKg * 1000) : undefined
    if (choice === 'custom') {
      const { length, width, height } = custom
      const ok = [length, width, height].every((v) => typeof v === 'number' && v > 0)
      onChange(ok ? { dimensionsMm: { length: Number(length), width: Number(width), height: Number(height) }, weightG } : null)
    } else if (choice) onChange({ presetId: Number(choice), weightG })
    else onChange(null)
  }, [choice, custom, weightKg, onChange])

  const preset = presets.find((p) => String(p.id) === choice)
  return (
    <Paper withBorder p="md" aria-label="Box dimensions">
      <Stack>
        <Title order={3}>Box {boxNumber}: dimensions</Title>
        <Radio.Group value={choice} onChange={setChoice} name="box-dimensions">
          <Group>
            {presets.map((p) => (
              <Radio.Card key={p.id} value={String(p.id)} p="sm" w={230} withBorder>
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <div>
                    <Text fw={700}>{p.name}</Text>
                    <Text size="sm">
                      {p.lengthMm}×{p.widthMm}×{p.heightMm} mm · max {p.maxWeightG / 1000} kg
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
            <Radio.Card value="custom" p="sm" w={160} withBorder>
              <Group wrap="nowrap">
                <Radio.Indicator />
                <Text fw={700}>Custom</Text>
              </Group>
            </Radio.Card>
          </Group>
        </Radio.Group>
        {choice === 'custom' && (
          <Group>
            {(['length', 'width', 'height'] as const).map((k) => (
              <NumberInput
                key={k}
                label={`${k[0].toUpperCase()}${k.slice(1)} (mm)`}
                size="md"
                w={150}
                min={10}
                max={3000}
                value={custom[k]}
                onChange={(v) => setCustom((c) => ({ ...c, [k]: v }))}
              />
            ))}
          </Group>
        )}
        <NumberInput
          label="Weight (kg, optional)"
          size="md"
          w={220}
          min={0}
          decimalScale={2}
          value={weightKg}
          onChange={setWeightKg}
          error={
            preset && typeof weightKg === 'number' && weightKg * 1000 > preset.maxWeightG
              ? `Over the ${preset.name} limit of ${preset.maxWeightG / 1000} kg`
              : undefined
          }
        />
      </Stack>
    </Paper>
  )
}
