// The Sync screen (SPEC §7): how the station talks to the OMS (address, token,
// pull interval, export folder), Sync now, the events the OMS rejected (a
// shift lead re-sends or acknowledges them) and the failed imports with Retry.
// Saving the settings, re-sending and acknowledging each need a shift lead's badge and PIN.
import { useEffect, useState } from 'react'
import { Alert, Button, Group, NumberInput, Paper, PasswordInput, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core'
import type { SyncNowResult, SyncSettingsView } from '../../../shared/channels/sync'
import type { Approval } from '../../../shared/schemas'
import { station } from '../api'
import { connection, timeOf, useSyncStatus } from '../components/SyncStatus'
import { type AskApproval, useApproval } from '../components/useApproval'
import { useAsync } from '../useAsync'

type Message = { ok: boolean; title: string; text: string }

export function SyncScreen({ isShiftLead }: { isShiftLead: boolean }) {
  const status = useSyncStatus()
  const rejected = useAsync(() => station.sync.rejectedEvents(), [])
  const failed = useAsync(() => station.orders.failedImports(), [])
  const [message, setMessage] = useState<Message | null>(null)
  const [busy, setBusy] = useState(false)
  const approval = useApproval()

  const reloadLists = async () => {
    await Promise.all([rejected.reload(), failed.reload()])
  }
  const act = async (title: string, action: () => Promise<string>) => {
    setBusy(true)
    try {
      setMessage({ ok: true, title, text: await action() })
    } catch (e) {
      setMessage({ ok: false, title, text: (e as Error).message })
    } finally {
      setBusy(false)
      await reloadLists()
    }
  }
  const syncNow = () => act('Sync finished', async () => describe(await station.sync.now()))
  /** Re-send or acknowledge one rejected event: a refusal (wrong PIN) stays in the approval dialog. */
  const settle = (action: string, title: string, call: (approval: Approval) => Promise<string>) => {
    setMessage(null)
    approval.ask(action, async (a) => {
      setMessage({ ok: true, title, text: await call(a) })
      await reloadLists()
    })
  }

  return (
    <Stack maw={1200} gap="lg">
      <Title order={2}>OMS sync</Title>
      {status && (
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg">
            <Figure label="Connection" value={connection(status).label.replace('OMS: ', '')} color={connection(status).color} />
            <Figure label="Events waiting" value={String(status.waiting)} />
            <Figure label="Rejected" value={String(status.rejected)} color={status.rejected ? 'red' : undefined} />
            <Figure label="Last successful sync" value={timeOf(status.lastSuccessAt)} />
          </SimpleGrid>
          {status.lastError && (
            <Alert mt="md" color="red" title={`Last error (${timeOf(status.lastErrorAt)})`}>
              <Text size="lg">{status.lastError}</Text>
            </Alert>
          )}
          {status.tokenWarning && (
            <Alert mt="md" color="orange" title="Token stored unencrypted">
              <Text size="lg">{status.tokenWarning}</Text>
            </Alert>
          )}
          <Group mt="md">
            <Button size="lg" onClick={syncNow} loading={busy || status.syncing}>
              Sync now
            </Button>
            {status.export.enabled && (
              <Text size="lg">
                Export to <span className="mono">{status.export.folder}</span>: {status.export.waiting} waiting
                {status.export.lastError ? ` — ${status.export.lastError}` : ''}
              </Text>
            )}
          </Group>
        </Paper>
      )}
      {message && (
        <Alert color={message.ok ? 'green' : 'red'} title={message.title} role="alert" withCloseButton onClose={() => setMessage(null)}>
          <Text size="lg" style={{ whiteSpace: 'pre-line' }}>
            {message.text}
          </Text>
        </Alert>
      )}

      <Title order={3}>Rejected events</Title>
      {rejected.value?.length === 0 && <Text size="lg" c="dimmed">None: the OMS accepted everything it was sent.</Text>}
      {!!rejected.value?.length && (
        <Table fz="lg" aria-label="Rejected events" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Event</Table.Th>
              <Table.Th>Order</Table.Th>
              <Table.Th>Why the OMS refused it</Table.Th>
              <Table.Th>Rejected</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rejected.value.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td className="mono">{e.type}</Table.Td>
                <Table.Td>{e.orderNumber ?? '—'}</Table.Td>
                <Table.Td>{e.reason}</Table.Td>
                <Table.Td>{timeOf(e.rejectedAt)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      variant="light"
                      disabled={!isShiftLead}
                      onClick={() =>
                        settle(`re-send the rejected ${e.type} event`, 'Re-sent', async (a) => {
                          const { resent } = await station.sync.resendRejected({ ids: [e.id], approval: a })
                          return `${resent} event queued again.`
                        })
                      }
                    >
                      Re-send
                    </Button>
                    <Button
                      variant="subtle"
                      color="gray"
                      disabled={!isShiftLead}
                      onClick={() =>
                        settle(`acknowledge the rejected ${e.type} event`, 'Acknowledged', async (a) => {
                          const { acknowledged } = await station.sync.acknowledgeRejected({ ids: [e.id], approval: a })
                          return `${acknowledged} rejection acknowledged.`
                        })
                      }
                    >
                      Acknowledge
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {!isShiftLead && !!rejected.value?.length && <Text c="dimmed">A shift lead re-sends or acknowledges rejected events.</Text>}

      <Title order={3}>Failed imports</Title>
      {failed.value?.length === 0 && <Text size="lg" c="dimmed">None.</Text>}
      {!!failed.value?.length && (
        <Table fz="lg" aria-label="Failed imports" verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>OMS order id</Table.Th>
              <Table.Th>Source</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {failed.value.map((f) => (
              <Table.Tr key={f.id}>
                <Table.Td className="mono">{f.omsOrderId ?? '—'}</Table.Td>
                <Table.Td>{f.source === 'oms' ? 'OMS' : f.source}</Table.Td>
                <Table.Td>{f.reason}</Table.Td>
                <Table.Td>{f.attempts}</Table.Td>
                <Table.Td>
                  <Button variant="light" onClick={() => act('Retry', async () => (await station.orders.retryFailedImport({ id: f.id })).failed ? 'Still failing: see the reason.' : 'Imported.')}>
                    Retry
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      <SyncSettingsForm
        isShiftLead={isShiftLead}
        ask={approval.ask}
        onSaved={(text) => setMessage({ ok: true, title: 'Settings saved', text })}
        onError={(text) => setMessage({ ok: false, title: 'Settings not saved', text })}
      />
      {approval.dialog}
    </Stack>
  )
}

function Figure({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <div>
      <span className="count-label">{label}</span>
      <Text fz="2rem" fw={800} c={color === 'green' ? 'green.8' : color === 'red' ? 'red.8' : undefined} aria-label={label}>
        {value}
      </Text>
    </div>
  )
}

type SettingsFormProps = { isShiftLead: boolean; ask: AskApproval; onSaved: (text: string) => void; onError: (text: string) => void }

function SyncSettingsForm({ isShiftLead, ask, onSaved, onError }: SettingsFormProps) {
  const [form, setForm] = useState<SyncSettingsView | null>(null)
  const [token, setToken] = useState('')
  // A token is bound to the address it was entered for: a new address without one leaves none stored.
  const [tokenNeeded, setTokenNeeded] = useState(false)
  useEffect(() => {
    station.sync.settings().then(setForm, (e: Error) => onError(e.message))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  if (!form) return null
  const set = (changes: Partial<SyncSettingsView>) => setForm({ ...form, ...changes })

  const save = () =>
    ask('change the OMS settings', async (approval) => {
      const saved = await station.sync.saveSettings({
        omsUrl: form.omsUrl ?? '',
        pullIntervalMinutes: form.pullIntervalMinutes,
        token: token.trim() ? token.trim() : undefined,
        exportEnabled: form.exportEnabled,
        exportFolder: form.exportFolder ?? '',
        approval
      })
      setForm(saved)
      setToken('')
      const needsToken = saved.omsUrl !== null && !saved.tokenStored
      setTokenNeeded(needsToken)
      const noToken = 'Enter the OMS token for the new address: without it the station cannot sync.'
      onSaved(
        !saved.omsUrl ? 'No OMS address: the station works offline.'
        : needsToken ? `The OMS address is now ${saved.omsUrl}. ${noToken}`
        : `The station now syncs with ${saved.omsUrl}.`
      )
    })

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={3}>Settings</Title>
        {!isShiftLead && <Text c="dimmed">Only a shift lead can change these.</Text>}
        <TextInput size="lg" label="OMS address" description="e.g. https://oms.example.com — leave empty for an offline station" value={form.omsUrl ?? ''} onChange={(e) => set({ omsUrl: e.currentTarget.value })} disabled={!isShiftLead} />
        <PasswordInput
          size="lg"
          label="OMS token"
          description={form.tokenStored ? (form.tokenEncrypted ? 'A token is stored in the system keychain; type a new one to replace it.' : 'A token is stored unencrypted (no system keychain); type a new one to replace it.') : 'The bearer token the OMS gave this station.'}
          placeholder={form.tokenStored ? 'stored — leave empty to keep' : ''}
          value={token}
          onChange={(e) => setToken(e.currentTarget.value)}
          error={tokenNeeded && !token.trim() ? 'Enter the OMS token for the new address' : undefined}
          disabled={!isShiftLead}
        />
        <NumberInput size="lg" label="Pull orders every (minutes)" min={0.5} max={1440} step={1} value={form.pullIntervalMinutes} onChange={(v) => set({ pullIntervalMinutes: Number(v) || 5 })} disabled={!isShiftLead} maw={480} />
        <Switch size="lg" label="Write export files (NDJSON and CSV) for an OMS that takes files" checked={form.exportEnabled} onChange={(e) => set({ exportEnabled: e.currentTarget.checked })} disabled={!isShiftLead} />
        <TextInput size="lg" label="Export folder" description="Full path of a folder the OMS reads, e.g. C:\OMS\outbox" value={form.exportFolder ?? ''} onChange={(e) => set({ exportFolder: e.currentTarget.value })} disabled={!isShiftLead} />
        <Group>
          <Button size="lg" onClick={save} disabled={!isShiftLead}>
            Save settings
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}

function describe(result: SyncNowResult): string {
  const lines: string[] = []
  if (result.pulled) {
    const p = result.pulled
    lines.push(`Orders: ${p.imported} new, ${p.statusChanges} status changes, ${p.unchanged} unchanged, ${p.failed} failed.`)
  }
  if (result.sent) lines.push(`Events: ${result.sent.accepted} accepted, ${result.sent.duplicate} already there, ${result.sent.rejected} rejected; ${result.status.waiting} waiting.`)
  if (result.exported !== null) lines.push(`Export: ${result.exported} events written.`)
  lines.push(...result.problems)
  return lines.join('\n')
}
