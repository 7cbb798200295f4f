// Every word the shift report prints (CSV and PDF), from the catalogue's `reports` namespace in the
// station's language (SPEC §10): the same names as before, read through reportWords(language).
// What the shift board words the same way (refusal classes, label kinds, figures, bar labels) is one piece
// of code in src/shared/reportFormat.ts; the names below are the printed report's own (`reports`), the
// board's are the screen's (`shiftBoard`, screens/reports/words.ts): different words for a page and a screen.
import type { RefusalClass } from '../../../shared/reports'
import type { Language } from '../../../shared/i18n/languages'
import { labelKindName, refusalClassNames } from '../../../shared/reportFormat'
import { wordSentence, type Words } from '../../../shared/words'
import { mainCatalogue, translator } from '../i18n/catalogue'

export function reportWords(language: Language) {
  const t = translator(language, 'reports')
  const REFUSAL_WORDS: Record<RefusalClass, string> = refusalClassNames(t)
  const W = {
    title: t('words.title'),
    station: t('words.station'),
    from: t('words.from'),
    to: t('words.to'),
    operator: t('words.operator'),
    allOperators: t('words.allOperators'),
    generated: t('words.generated'),
    orders: t('words.orders'),
    packed: t('words.packed'),
    shipped: t('words.shipped'),
    inProgressNow: t('words.inProgressNow'),
    onHoldNow: t('words.onHoldNow'),
    waitingNow: t('words.waitingNow'),
    units: t('words.units'),
    hourStarting: t('words.hourStarting'),
    dayStarting: t('words.dayStarting'),
    unitsColumn: t('words.unitsColumn'),
    sameHourYesterday: t('words.sameHourYesterday'),
    pace: t('words.pace'),
    unitsPerHour: t('words.unitsPerHour'),
    secondsPerUnit: t('words.secondsPerUnit'),
    refusals: t('words.refusals'),
    refusalClass: t('words.refusalClass'),
    count: t('words.count'),
    latestRefusals: t('words.latestRefusals'),
    time: t('words.time'),
    order: t('words.order'),
    scanned: t('words.scanned'),
    message: t('words.message'),
    boxesConfirmed: t('words.boxesConfirmed'),
    printFailures: t('words.printFailures'),
    kind: t('words.kind'),
    printer: t('words.printer'),
    error: t('words.error'),
    outboxWaiting: t('words.outboxWaiting'),
    outboxRejected: t('words.outboxRejected'),
    blocked: t('words.blocked'),
    toUnpack: t('words.toUnpack'),
    none: t('words.none'),
    page: (n: number, of: number) => t('words.page', { n, of }),
    /** A listed refusal's sentence: its stored words in this language, else (rows before 0015) the English it was saved with. */
    refusalText: ({ message, words }: { message: string; words?: Words }) =>
      words && mainCatalogue().exists(words.key, { ...words.params, lng: language }) ? wordSentence(t, words) : message,
    /** A print job's label kind ("box_label") in words. */
    labelKind: (kind: string) => labelKindName(t, kind)
  }
  return { W, REFUSAL_WORDS }
}

export type ReportWords = ReturnType<typeof reportWords>['W']
