import { useCallback, useEffect, useState } from 'react'
import { Alert, Button, Group, NumberInput, Paper, Table, TextInput, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { BoxPreset } from '../../../../shared/packing'
import { station } from '../../api'
import { HeadedTable } from '../../components/HeadedTable'
import type { AskApproval } from '../../components/useApproval'
import { errorMessage, useAction } from '../../useAction'

/** A preset as its form holds it: empty fields while adding, the preset's id while editing. */
type Draft = {
  id?: number
  name: string
  lengthMm: number | string
  widthMm: number | string
  heightMm: number | string
  maxWeightKg: number | string
}

const EMPTY: Draft = { name: '', lengthMm: '', widthMm: '', heightMm: '', maxWeightKg: '' }

const draftOf = (p: BoxPreset): Draft => ({
  id: p.id,
  name: p.name,
  lengthMm: p.lengthMm,
  widthMm: p.widthMm,
  heightMm: p.heightMm,
  maxWeightKg: p.maxWeightG / 1000
})

/** The box presets offered when a box is saved; a shift lead adds, changes and deletes them (each approved). */
export function BoxPresets({ lead, ask }: { lead: boolean; ask: AskApproval }) {
  const { t } = useTranslation('settings')
  const [presets, setPresets] = useState<BoxPreset[]>([])
  const [draft, setDraft] = useState<Draft>(EMPTY)
  const loading = useAction()
  const { fail, clear } = loading
  const load = useCallback(() => station.presets.list().then(setPresets, (e) => fail(errorMessage(e))), [fail])
  useEffect(() => {
    void load()
  }, [load])

  const save = () => {
    clear()
    const name = draft.name.trim()
    ask(draft.id ? t('presets.approveChange', { name }) : t('presets.approveAdd', { name }), async (approval) => {
      await station.presets.save({
        id: draft.id,
        name: draft.name,
        lengthMm: Number(draft.lengthMm),
        widthMm: Number(draft.widthMm),
        heightMm: Number(draft.heightMm),
        maxWeightG: Math.round(Number(draft.maxWeightKg) * 1000),
        approval
      })
      setDraft(EMPTY)
      await load()
    })
  }
  const remove = (preset: BoxPreset) => {
    clear()
    ask(
      t('presets.approveDelete', { name: preset.name }),
      async (approval) => {
        await station.presets.delete({ id: preset.id, approval })
        await load()
      },
      { approveLabel: t('presets.delete') }
    )
  }

  return (
    <Paper withBorder p="md">
      <Title order={3}>{t('presets.title')}</Title>
      <PresetsTable presets={presets} lead={lead} onEdit={(p) => setDraft(draftOf(p))} onDelete={remove} />
      {lead && <PresetForm draft={draft} onChange={setDraft} onSave={save} />}
      {loading.error && (
        <Alert color="red" mt="sm" role="alert">
          {loading.error}
        </Alert>
      )}
    </Paper>
  )
}

type PresetsTableProps = { presets: BoxPreset[]; lead: boolean; onEdit: (p: BoxPreset) => void; onDelete: (p: BoxPreset) => void }

function PresetsTable({ presets, lead, onEdit, onDelete }: PresetsTableProps) {
  const { t } = useTranslation('settings')
  return (
    <HeadedTable
      fz="md"
      verticalSpacing="sm"
      aria-label={t('presets.title')}
      columns={[t('presets.name'), t('presets.dimensions'), t('presets.maxWeight'), null]}
    >
      {presets.map((p) => (
        <Table.Tr key={p.id}>
          <Table.Td fw={700}>{p.name}</Table.Td>
          <Table.Td>{t('presets.size', { length: p.lengthMm, width: p.widthMm, height: p.heightMm })}</Table.Td>
          <Table.Td>{t('presets.weight', { value: p.maxWeightG / 1000 })}</Table.Td>
          <Table.Td>
            {lead && (
              <Group gap="xs">
                <Button size="xs" variant="light" onClick={() => onEdit(p)}>
                  {t('presets.edit')}
                </Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => onDelete(p)}>
                  {t('presets.delete')}
                </Button>
              </Group>
            )}
          </Table.Td>
        </Table.Tr>
      ))}
    </HeadedTable>
  )
}

/** Add preset (or Save preset while editing one, with Cancel). */
function PresetForm({ draft, onChange, onSave }: { draft: Draft; onChange: (draft: Draft) => void; onSave: () => void }) {
  const { t } = useTranslation('settings')
  const set = (changes: Partial<Draft>) => onChange({ ...draft, ...changes })
  return (
    <Group align="end" mt="md">
      <TextInput label={t('presets.presetName')} value={draft.name} onChange={(e) => set({ name: e.currentTarget.value })} w={220} />
      <NumberInput label={t('presets.length')} value={draft.lengthMm} onChange={(v) => set({ lengthMm: v })} w={130} />
      <NumberInput label={t('presets.width')} value={draft.widthMm} onChange={(v) => set({ widthMm: v })} w={130} />
      <NumberInput label={t('presets.height')} value={draft.heightMm} onChange={(v) => set({ heightMm: v })} w={130} />
      <NumberInput
        label={t('presets.maxWeightKg')}
        value={draft.maxWeightKg}
        decimalScale={2}
        onChange={(v) => set({ maxWeightKg: v })}
        w={150}
      />
      <Button onClick={onSave}>{draft.id ? t('presets.savePreset') : t('presets.addPreset')}</Button>
      {draft.id && (
        <Button variant="subtle" onClick={() => onChange(EMPTY)}>
          {t('common:actions.cancel')}
        </Button>
      )}
    </Group>
  )
}
