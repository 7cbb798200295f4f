// What a shift lead approves, in words (approvals:action.<domain>.<verb>): one entry per `approval` channel of the
// role table (src/shared/access.ts), in every shipped language, its English the table's own `action` (the wrong-PIN
// log keeps saying what it said). The approval refusals name the action in the operator's language.
import { afterEach, describe, expect, it } from 'vitest'
import { accessTable } from '../../src/shared/access'
import { channels, StationError } from '../../src/shared/contract'
import { LANGUAGES } from '../../src/shared/i18n/languages'
import { bundledResources, type Messages } from '../../src/shared/i18n/resources'
import { approvalWords, authorize } from '../../src/main/core/access/guard'
import { i18n } from '../../src/renderer/src/i18n'
import { errorMessage } from '../../src/renderer/src/useAction'
import { cleanup } from '../core/helpers'
import { flatKeys } from './catalogueFiles'
import { DANA, eventsOfType, leadSignedIn, ok, refused } from '../core/operatorsFixtures'

afterEach(async () => {
  await i18n.changeLanguage('en')
  cleanup()
})

const resources = bundledResources()!
const approvalChannels = channels.filter((channel) => accessTable[channel].access === 'approval')

describe('approval actions in the catalogue', () => {
  it('has words for every approval channel in every language, and no others', () => {
    expect(approvalChannels.length).toBeGreaterThan(20)
    const expected = approvalChannels.map((channel) => approvalWords(channel).key.replace(/^approvals:/, '')).sort()
    for (const language of LANGUAGES) {
      const keys = flatKeys((resources[language]?.approvals ?? {}) as Messages).filter((k) => k.startsWith('action.'))
      expect(keys.sort(), language).toEqual(expected)
    }
  })

  it("words each in English exactly as the role table's action", () => {
    const en = i18n.getFixedT('en')
    for (const channel of approvalChannels) expect(en(approvalWords(channel).key), channel).toBe(accessTable[channel].action)
  })
})

describe('approval refusals name the action in the operator’s language', () => {
  it('an operator’s badge cannot release a hold: said in Polish with the action, and logged in English', async () => {
    const { t } = await leadSignedIn()
    await ok(t, 'operators:signOut')
    await ok(t, 'operators:signIn', { badgeCode: 'OP-1001' })
    const byMarek = { badgeCode: 'OP-1001', pin: '1234' }
    const notLead = await refused(t, 'orders:release', { orderId: 1, approval: byMarek, reason: 'stock arrived' })
    expect(notLead).toMatchObject({
      code: 'shift_lead_only',
      message: "Marek Nowak is not a shift lead: release an order from hold needs a shift lead's approval."
    })
    const error = StationError.fromFailure(notLead)
    await i18n.changeLanguage('pl')
    expect(errorMessage(error)).toBe(
      'Marek Nowak nie jest kierownikiem zmiany: aby zwolnić wstrzymane zamówienie, potrzebna jest zgoda kierownika zmiany.'
    )
  })

  it('a call without an approval, and a wrong PIN logged with the English action', async () => {
    const { t, lead } = await leadSignedIn()
    // The contract asks every approval channel for its approval; the guard refuses one that reaches it without.
    const none = (() => {
      try {
        authorize({ db: t.db, clock: t.clock, signedIn: () => lead }, 'packing:removeUnit', { orderId: 1, unitId: 'u' })
      } catch (e) {
        return e
      }
    })()
    expect(none).toMatchObject({
      code: 'approval_required',
      message: "A shift lead's badge and PIN are needed to remove a unit from a box."
    })
    await i18n.changeLanguage('pl')
    expect(errorMessage(none)).toBe('Aby usunąć sztukę z kartonu, potrzebne są identyfikator i PIN kierownika zmiany.')
    await refused(t, 'packing:voidBox', { orderId: 1, boxId: 'b', reason: 'torn box', approval: { ...DANA, pin: '9999' } })
    expect(eventsOfType(t, 'operator.pin_wrong').map((e) => e.reason)).toEqual(['void a box'])
  })
})
