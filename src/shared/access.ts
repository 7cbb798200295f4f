// Who may call each channel: the one role table (SPEC §2). The core enforces
// it on every call (src/main/core/access/guard.ts); the screens only read it to
// know when to ask for a shift lead's badge and PIN. A client is never
// trusted for a role: an `approval` is checked against the database on every call.
import type { Channel } from './contract'

/**
 * - `station`: the station's own screens before anyone signs in (sign-in, status bar).
 * - `signedIn`: any signed-in operator.
 * - `shiftLead`: a shift lead signed in (shift leads always sign in with their PIN).
 * - `approval`: someone signed in, and a shift lead's fresh approval (badge + PIN) in the call's `approval` field.
 * - `firstRun`: only while the station has no operators (its first-run guide); refused once it has one.
 */
export type Access = 'station' | 'signedIn' | 'shiftLead' | 'approval' | 'firstRun'

export type AccessRule = {
  access: Access
  /** Also open to anyone while the station has no operators yet (its first shift lead, the sample data). */
  firstRun?: true
  /** What is approved, in words, for the wrong-PIN log ("change the OMS settings"). */
  action?: string
}

const station: AccessRule = { access: 'station' }
const signedIn: AccessRule = { access: 'signedIn' }
const shiftLead: AccessRule = { access: 'shiftLead' }
const approval = (action: string): AccessRule => ({ access: 'approval', action })

/**
 * Every channel of the contract, by domain. Approvals that depend on the call
 * (a serial typed by hand, shipping short) are checked by their handlers when
 * the call asks for them: those channels are `signedIn` here.
 */
export const accessTable: Record<Channel, AccessRule> = {
  'app:info': station,
  'app:loadSampleData': { access: 'signedIn', firstRun: true },
  'app:reportRendererError': station,
  'app:exportDiagnostics': approval('export diagnostics'),

  'operators:list': station,
  'operators:signIn': station,
  'operators:signOut': station,
  'operators:current': station,
  'operators:all': shiftLead,
  'operators:create': { ...approval('add an operator'), firstRun: true },
  'operators:update': approval('change an operator'),
  'operators:setPin': approval('set a PIN'),
  'operators:unlock': approval('unlock an operator'),
  'assignments:assign': approval('assign operators to orders'),

  'orders:list': signedIn,
  'orders:get': signedIn,
  'orders:importBegin': signedIn,
  'orders:importChunk': signedIn,
  'orders:importFinish': signedIn,
  'orders:importCancel': signedIn,
  'orders:failedImports': signedIn,
  'orders:retryFailedImport': signedIn,
  'orders:hold': approval('put an order on hold'),
  'orders:release': approval('release an order from hold'),

  'scanning:scan': signedIn,
  'scanning:addUnits': signedIn,

  'packing:save': signedIn,
  'packing:confirmation': signedIn,
  'packing:confirm': signedIn,
  'packing:reopenBox': signedIn,
  'packing:removeUnit': approval('remove a unit from a box'),
  'packing:voidBox': approval('void a box'),
  'packing:unpack': signedIn,
  'packing:shortShipment': signedIn,

  'presets:list': signedIn,
  'presets:save': approval('change box presets'),
  'presets:delete': approval('delete a box preset'),

  'settings:station': signedIn,
  'settings:saveStation': approval('change the station settings'),

  'labels:preview': signedIn,
  'labels:print': signedIn,
  'labels:jobs': signedIn,
  'labels:retry': signedIn,
  'printing:printers': shiftLead,
  'printing:settings': signedIn,
  'printing:saveSettings': approval('change the print settings'),

  'scanners:list': signedIn,
  'scanners:settings': signedIn,
  'scanners:save': approval('change the scanner settings'),
  'scanners:status': station,
  'scanners:lastScan': signedIn,
  'scanners:testScan': signedIn,

  'shipping:ship': signedIn,
  'returns:check': signedIn,
  'returns:record': signedIn,
  'returns:list': signedIn,
  'history:serial': signedIn,

  'sync:status': station,
  'sync:settings': shiftLead,
  'sync:saveSettings': approval('change the OMS settings'),
  'sync:now': signedIn,
  'sync:rejectedEvents': shiftLead,
  'sync:resendRejected': approval('re-send rejected events'),
  'sync:acknowledgeRejected': approval('acknowledge rejected events'),

  'ledger:conflicts': shiftLead,
  'ledger:unpackConflict': approval('unpack a unit in a serial conflict'),

  'claims:open': signedIn,
  'claims:release': signedIn,
  'claims:takeOver': approval('take over an order another station is packing'),
  'claims:settings': shiftLead,
  'claims:saveSettings': approval('change which orders may start offline'),

  'health:status': station,
  'settings:backups': shiftLead,
  'settings:saveBackups': approval('change the backup settings'),
  'settings:backupNow': approval('back up the station now'),
  // Open before sign-in: a damaged database cannot sign anyone in. recovery:restore checks the shift lead's
  // badge and PIN itself, against the backup it restores (src/main/core/db/recovery.ts).
  'recovery:state': station,
  'recovery:restore': station,

  // The shift board and shift reports (SPEC §10): a shift lead's figures, not an operator's.
  'evidence:settings': signedIn,
  'evidence:saveSettings': approval('change the packing evidence settings'),
  'evidence:start': signedIn,
  'evidence:chunk': signedIn,
  'evidence:still': signedIn,
  'evidence:stop': signedIn,
  'evidence:ofOrder': signedIn,
  // Watching shows the people filmed: a shift lead approves each viewing, export and keep.
  'evidence:watch': approval('watch packing evidence'),
  'evidence:export': approval('export a dispute pack'),
  'evidence:keepOf': signedIn,
  'evidence:keep': approval('keep packing evidence for a dispute'),
  'evidence:release': approval('release packing evidence kept for a dispute'),
  'evidence:usage': station,

  'reports:board': shiftLead,
  'reports:shift': shiftLead,
  'reports:export': shiftLead,

  // The first-run guide (src/shared/firstRun.ts): open to whoever is at an empty station, refused once it has an operator.
  'firstRun:state': { access: 'firstRun' },
  'firstRun:saveStation': { access: 'firstRun' },
  'firstRun:saveGs1': { access: 'firstRun' },
  'firstRun:saveOms': { access: 'firstRun' },
  // Settings as one file (src/shared/settingsFile.ts), for setting up the next station alike.
  'settingsFile:export': approval('export the station settings'),
  'settingsFile:preview': shiftLead,
  'settingsFile:import': approval('import station settings')
}
