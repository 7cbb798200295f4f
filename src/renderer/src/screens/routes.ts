/** Where the app is: one screen at a time, no URL routing needed inside a station window. */
export type Route =
  | { screen: 'orders' }
  | { screen: 'order'; orderId: number }
  | { screen: 'usedScan'; orderId: number }
  | { screen: 'distributionScan'; orderId: number }
  | { screen: 'settings' }
  | { screen: 'confirm'; orderId: number }
  | { screen: 'import' }
  | { screen: 'operators' }
  | { screen: 'scanners' }
  | { screen: 'sync' }
  | { screen: 'ship'; orderId: number }
  | { screen: 'returns'; orderId?: number }
  | { screen: 'history' }
  | { screen: 'printJobs' }
  | { screen: 'printSettings' }
  | { screen: 'shiftBoard' }

export type Navigate = (route: Route) => void
