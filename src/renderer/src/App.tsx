import { EvidenceRecorder } from './components/evidence/EvidenceRecorder'
import { EvidenceQuota } from './components/evidence/EvidenceQuota'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AppShell, Badge, Button, Group, Loader, Text, Title } from '@mantine/core'
import type { Operator } from '../../shared/operators'
import { station } from './api'
import { ImportOrders } from './screens/ImportOrders'
import { OrderDetailScreen } from './screens/OrderDetail'
import { OrdersList } from './screens/OrdersList'
import { PackingConfirmationScreen } from './screens/PackingConfirmation'
import type { Route } from './screens/routes'
import { OperatorsScreen } from './screens/Operators'
import { SignIn, SwitchOperator } from './screens/SignIn'
import { UsedScan } from './screens/UsedScan'
import { ReturnsScreen } from './screens/Returns'
import { SerialHistoryScreen } from './screens/SerialHistory'
import { ShippingScreen } from './screens/Shipping'
import { DistributionScan } from './screens/DistributionScan'
import { SettingsScreen } from './screens/Settings'
import { setFeedbackVolume } from './feedback/sounds'
import { Scanners } from './screens/Scanners'
import { IgnoredScanNotice, ScannerStatus } from './components/ScannerStatus'
import { SyncStatus } from './components/SyncStatus'
import { FaultStatus } from './components/FaultStatus'
import { RecoveryScreen } from './screens/Recovery'
import type { RecoveryState } from '../../shared/recovery'
import { SyncScreen } from './screens/Sync'
import { PrintJobsScreen } from './screens/PrintJobs'
import { PrintSettingsScreen } from './screens/PrintSettings'
import { ErrorBoundary } from './components/ErrorBoundary'
import { ShiftBoard } from './screens/ShiftBoard'
import { ShiftEndSummary } from './screens/reports/ShiftEndSummary'
import { setOperatorLanguage, setStationLanguage } from './language'

/** The order being packed on this screen (a scan screen or its Packing Confirmation): what packing evidence records. */
const packingOrderId = (route: Route): number | null =>
  route.screen === 'usedScan' || route.screen === 'distributionScan' || route.screen === 'confirm' ? route.orderId : null

/** The header's screens: one button each, highlighted while one of its screens is open. */
const NAV: { labelKey: NavKey; screen: Route['screen']; screens: Route['screen'][]; shiftLeadOnly?: boolean }[] = [
  { labelKey: 'nav.orders', screen: 'orders', screens: ['orders', 'order', 'usedScan', 'distributionScan', 'confirm', 'ship'] },
  { labelKey: 'nav.import', screen: 'import', screens: ['import'] },
  { labelKey: 'nav.returns', screen: 'returns', screens: ['returns'] },
  { labelKey: 'nav.history', screen: 'history', screens: ['history'] },
  { labelKey: 'nav.printing', screen: 'printJobs', screens: ['printJobs', 'printSettings'] },
  { labelKey: 'nav.scanners', screen: 'scanners', screens: ['scanners'] },
  { labelKey: 'nav.sync', screen: 'sync', screens: ['sync'] },
  { labelKey: 'nav.settings', screen: 'settings', screens: ['settings'] },
  { labelKey: 'nav.operators', screen: 'operators', screens: ['operators'], shiftLeadOnly: true },
  { labelKey: 'nav.shiftBoard', screen: 'shiftBoard', screens: ['shiftBoard'], shiftLeadOnly: true }
]

type NavKey =
  `nav.${'orders' | 'import' | 'returns' | 'history' | 'printing' | 'scanners' | 'sync' | 'settings' | 'operators' | 'shiftBoard'}`

export function App() {
  const { t } = useTranslation('common')
  const [operator, setOperator] = useState<Operator | null | undefined>(undefined)
  const [route, setRoute] = useState<Route>({ screen: 'orders' })
  const [switching, setSwitching] = useState(false)
  // A shift lead signing out is offered the shift-end summary first (screens/reports/ShiftEndSummary.tsx).
  const [endingShift, setEndingShift] = useState(false)

  useEffect(() => {
    station.operators.current().then(setOperator, () => setOperator(null))
  }, [])
  // The screens' language: the station's (read before sign-in), unless the signed-in operator has their own.
  useEffect(() => {
    station.app.info().then(
      (info) => setStationLanguage(info.language),
      () => undefined
    )
  }, [operator?.id])
  useEffect(() => setOperatorLanguage(operator?.language), [operator?.language])
  // A database the start-up check found damaged: the recovery screen, before anything else (screens/Recovery.tsx).
  const [recovery, setRecovery] = useState<RecoveryState | null | undefined>(undefined)
  useEffect(() => {
    station.recovery.state().then(
      (s) => setRecovery(s.damaged ? s : null),
      () => setRecovery(null)
    )
  }, [])
  // The station settings are read by someone signed in (src/shared/access.ts), so after each sign-in.
  const signedInId = operator?.id
  useEffect(() => {
    if (signedInId !== undefined)
      station.settings.station().then(
        (s) => setFeedbackVolume(s.feedbackVolume),
        () => undefined
      )
  }, [signedInId])

  if (recovery)
    return (
      <RecoveryScreen
        state={recovery}
        onRestored={() => {
          setRecovery(null)
          setOperator(null)
        }}
      />
    )
  if (operator === undefined || recovery === undefined) return <Loader m="xl" />
  if (operator === null) return <SignIn onSignedIn={setOperator} />

  const signOut = async () => {
    await station.operators.signOut()
    setOperator(null)
    setRoute({ screen: 'orders' })
  }
  const switchTo = (next: Operator) => {
    setOperator(next)
    if (next.role !== 'shift_lead' && route.screen === 'operators') setRoute({ screen: 'orders' })
    if (next.role !== 'shift_lead' && route.screen === 'shiftBoard') setRoute({ screen: 'orders' })
  }

  return (
    <AppShell header={{ height: 108 }} footer={{ height: 48 }} padding="md">
      <AppShell.Header px="md">
        {/* Two rows: who is signed in on top, the screens below; every nav entry stays a plain button. */}
        <Group h={56} justify="space-between" wrap="nowrap">
          <Title order={2}>{t('appName')}</Title>
          <Group gap="sm">
            <EvidenceRecorder orderId={packingOrderId(route)} />
            <Text size="lg" fw={700} aria-label={t('header.signedIn')}>
              {operator.name}
            </Text>
            <Badge size="lg" color={operator.role === 'shift_lead' ? 'grape' : 'gray'}>
              {operator.role === 'shift_lead' ? t('role.shift_lead') : t('role.operator')}
            </Badge>
            <Button variant="light" onClick={() => setSwitching(true)}>
              {t('header.switchOperator')}
            </Button>
            <Button variant="light" color="gray" onClick={operator.role === 'shift_lead' ? () => setEndingShift(true) : signOut}>
              {t('header.signOut')}
            </Button>
          </Group>
        </Group>
        <Group h={52} gap={4} wrap="nowrap" className="main-nav">
          {NAV.filter((entry) => !entry.shiftLeadOnly || operator.role === 'shift_lead').map((entry) => (
            <Button
              key={entry.screen}
              variant={entry.screens.includes(route.screen) ? 'filled' : 'subtle'}
              onClick={() => setRoute({ screen: entry.screen } as Route)}
            >
              {t(entry.labelKey)}
            </Button>
          ))}
        </Group>
      </AppShell.Header>
      <SwitchOperator opened={switching} current={operator} onClose={() => setSwitching(false)} onSignedIn={switchTo} />
      <ShiftEndSummary
        opened={endingShift}
        onClose={() => setEndingShift(false)}
        onSignOut={() => {
          setEndingShift(false)
          void signOut()
        }}
      />
      {/* Keyed by operator: after a switch, every screen loads again for the new operator (own orders first). */}
      <AppShell.Main key={operator.id}>
        <IgnoredScanNotice />
        {/* One boundary per screen (keyed by it): a screen that fails to draw shows a message, the rest keeps working. */}
        <ErrorBoundary
          key={`${route.screen}:${'orderId' in route ? route.orderId : ''}`}
          screen={route.screen}
          onLeave={() => setRoute({ screen: 'orders' })}
        >
          {route.screen === 'orders' && <OrdersList navigate={setRoute} />}
          {route.screen === 'import' && <ImportOrders navigate={setRoute} />}
          {route.screen === 'order' && <OrderDetailScreen orderId={route.orderId} navigate={setRoute} />}
          {route.screen === 'usedScan' && <UsedScan orderId={route.orderId} navigate={setRoute} />}
          {route.screen === 'distributionScan' && <DistributionScan orderId={route.orderId} navigate={setRoute} />}
          {route.screen === 'settings' && <SettingsScreen operator={operator} />}
          {route.screen === 'confirm' && <PackingConfirmationScreen orderId={route.orderId} navigate={setRoute} />}
          {route.screen === 'scanners' && <Scanners />}
          {route.screen === 'sync' && <SyncScreen isShiftLead={operator.role === 'shift_lead'} />}
          {route.screen === 'ship' && <ShippingScreen orderId={route.orderId} navigate={setRoute} />}
          {route.screen === 'returns' && <ReturnsScreen key={route.orderId ?? 'find'} orderId={route.orderId} navigate={setRoute} />}
          {route.screen === 'history' && <SerialHistoryScreen navigate={setRoute} />}
          {route.screen === 'printJobs' && <PrintJobsScreen navigate={setRoute} />}
          {route.screen === 'printSettings' && <PrintSettingsScreen />}
          {route.screen === 'shiftBoard' && operator.role === 'shift_lead' && <ShiftBoard />}
          {route.screen === 'operators' && operator.role === 'shift_lead' && (
            <OperatorsScreen onChanged={() => station.operators.current().then((me) => me && setOperator(me))} />
          )}
        </ErrorBoundary>
      </AppShell.Main>
      <AppShell.Footer px="md">
        <Group h="100%" gap="xl" wrap="nowrap">
          <ScannerStatus />
          <SyncStatus onOpen={() => setRoute({ screen: 'sync' })} />
          <FaultStatus />
          <EvidenceQuota />
        </Group>
      </AppShell.Footer>
    </AppShell>
  )
}
