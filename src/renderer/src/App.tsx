import { useEffect, useState } from 'react'
import { AppShell, Badge, Button, Group, Loader, Text, Title } from '@mantine/core'
import type { Operator } from '../../shared/schemas'
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
import { Scanners } from './screens/Scanners'
import { IgnoredScanNotice, ScannerStatus } from './components/ScannerStatus'
import { SyncStatus } from './components/SyncStatus'
import { SyncScreen } from './screens/Sync'
import { PrintJobsScreen } from './screens/PrintJobs'
import { PrintSettingsScreen } from './screens/PrintSettings'

export function App() {
  const [operator, setOperator] = useState<Operator | null | undefined>(undefined)
  const [route, setRoute] = useState<Route>({ screen: 'orders' })
  const [switching, setSwitching] = useState(false)

  useEffect(() => {
    station.operators.current().then(setOperator, () => setOperator(null))
  }, [])

  if (operator === undefined) return <Loader m="xl" />
  if (operator === null) return <SignIn onSignedIn={setOperator} />

  const signOut = async () => {
    await station.operators.signOut()
    setOperator(null)
    setRoute({ screen: 'orders' })
  }
  const switchTo = (next: Operator) => {
    setOperator(next)
    if (next.role !== 'shift_lead' && route.screen === 'operators') setRoute({ screen: 'orders' })
  }

  return (
    <AppShell header={{ height: 64 }} footer={{ height: 48 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Group gap="lg">
            <Title order={2}>Packing Station</Title>
            <Button variant={route.screen === 'orders' ? 'filled' : 'subtle'} onClick={() => setRoute({ screen: 'orders' })}>
              Orders
            </Button>
            <Button variant={route.screen === 'import' ? 'filled' : 'subtle'} onClick={() => setRoute({ screen: 'import' })}>
              Import
            </Button>
            <Button variant={route.screen === 'returns' ? 'filled' : 'subtle'} onClick={() => setRoute({ screen: 'returns' })}>
              Returns
            </Button>
            <Button variant={route.screen === 'history' ? 'filled' : 'subtle'} onClick={() => setRoute({ screen: 'history' })}>
              IMEI history
            </Button>
            <Button variant={route.screen === 'printJobs' || route.screen === 'printSettings' ? 'filled' : 'subtle'} onClick={() => setRoute({ screen: 'printJobs' })}>
              Printing
            </Button>
            <Button variant={route.screen === 'scanners' ? 'filled' : 'subtle'} onClick={() => setRoute({ screen: 'scanners' })}>
              Scanners
            </Button>
            <Button variant={route.screen === 'sync' ? 'filled' : 'subtle'} onClick={() => setRoute({ screen: 'sync' })}>
              Sync
            </Button>
            {operator.role === 'shift_lead' && (
              <Button variant={route.screen === 'operators' ? 'filled' : 'subtle'} onClick={() => setRoute({ screen: 'operators' })}>
                Operators
              </Button>
            )}
          </Group>
          <Group gap="sm">
            <Text size="lg" fw={700} aria-label="Signed in operator">
              {operator.name}
            </Text>
            <Badge size="lg" color={operator.role === 'shift_lead' ? 'grape' : 'gray'}>
              {operator.role === 'shift_lead' ? 'Shift lead' : 'Operator'}
            </Badge>
            <Button variant="light" onClick={() => setSwitching(true)}>
              Switch operator
            </Button>
            <Button variant="light" color="gray" onClick={signOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <SwitchOperator opened={switching} current={operator} onClose={() => setSwitching(false)} onSignedIn={switchTo} />
      {/* Keyed by operator: after a switch, every screen loads again for the new operator (own orders first). */}
      <AppShell.Main key={operator.id}>
        <IgnoredScanNotice />
        {route.screen === 'orders' && <OrdersList navigate={setRoute} />}
        {route.screen === 'import' && <ImportOrders navigate={setRoute} />}
        {route.screen === 'order' && <OrderDetailScreen orderId={route.orderId} navigate={setRoute} />}
        {route.screen === 'usedScan' && <UsedScan orderId={route.orderId} navigate={setRoute} />}
        {route.screen === 'confirm' && <PackingConfirmationScreen orderId={route.orderId} navigate={setRoute} />}
        {route.screen === 'scanners' && <Scanners />}
        {route.screen === 'ship' && <ShippingScreen orderId={route.orderId} navigate={setRoute} />}
        {route.screen === 'returns' && <ReturnsScreen key={route.orderId ?? 'find'} orderId={route.orderId} navigate={setRoute} />}
        {route.screen === 'history' && <SerialHistoryScreen navigate={setRoute} />}
        {route.screen === 'printJobs' && <PrintJobsScreen navigate={setRoute} />}
        {route.screen === 'printSettings' && <PrintSettingsScreen />}
        {route.screen === 'sync' && <SyncScreen isShiftLead={operator.role === 'shift_lead'} />}
        {route.screen === 'operators' && operator.role === 'shift_lead' && (
          <OperatorsScreen onChanged={() => station.operators.current().then((me) => me && setOperator(me))} />
        )}
      </AppShell.Main>
      <AppShell.Footer px="md">
        <Group h="100%" gap="xl" wrap="nowrap">
          <ScannerStatus />
          <SyncStatus onOpen={() => setRoute({ screen: 'sync' })} />
        </Group>
      </AppShell.Footer>
    </AppShell>
  )
}
