import { useEffect, useState } from 'react'
import { Group, NumberInput, Paper, Radio, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
// The language's decimal sign ("0.45" / "0,45"), so a weight is typed the way the operator writes it.
import { decimalSign } from '../../../shared/numberFormat'
import type { BoxPreset } from '../../../shared/packing'
import { station } from '../api'

const SIDES = ['length', 'width', 'height'] as const
const RADIO_NAME = 'box-dimensions'

export type BoxDetailsChoice = { presetId?: number; dimensionsMm?: { length: number; width: number; height: number }; weightG?: number }

/**
 * Step 5 of Distribution Scan: the box's dimensions from a preset or custom,
 * and optionally its weight (the station refuses a weight over the preset's maximum).
 */
export function BoxDimensions({ boxNumber, onChange }: { boxNumber: number; onChange: (choice: BoxDetailsChoice | null) => void }) {
  const { t, i18n } = useTranslation('packing')
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
  const sideLabels = { length: t('dimensions.length'), width: t('dimensions.width'), height: t('dimensions.height') }
  return (
    <Paper withBorder p="md" aria-label={t('dimensions.label')}>
      <Stack>
        <Title order={3}>{t('dimensions.title', { box: boxNumber })}</Title>
        <Radio.Group value={choice} onChange={setChoice} name={RADIO_NAME}>
          <Group>
            {presets.map((p) => (
              <Radio.Card key={p.id} value={String(p.id)} p="sm" w={230} withBorder>
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <div>
                    <Text fw={700}>{p.name}</Text>
                    <Text size="sm">{t('dimensions.preset', { l: p.lengthMm, w: p.widthMm, h: p.heightMm, kg: p.maxWeightG / 1000 })}</Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
            <Radio.Card value="custom" p="sm" w={160} withBorder>
              <Group wrap="nowrap">
                <Radio.Indicator />
                <Text fw={700}>{t('dimensions.custom')}</Text>
              </Group>
            </Radio.Card>
          </Group>
        </Radio.Group>
        {choice === 'custom' && (
          <Group>
            {SIDES.map((k) => (
              <NumberInput
                key={k}
                label={sideLabels[k]}
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
          label={t('dimensions.weight')}
          size="md"
          w={220}
          min={0}
          decimalScale={2}
          decimalSeparator={decimalSign(i18n.language)}
          value={weightKg}
          onChange={setWeightKg}
          error={
            preset && typeof weightKg === 'number' && weightKg * 1000 > preset.maxWeightG
              ? t('dimensions.overLimit', { preset: preset.name, kg: preset.maxWeightG / 1000 })
              : undefined
          }
        />
      </Stack>
    </Paper>
  )
}
