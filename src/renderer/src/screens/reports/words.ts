// Every word the shift board, the shift report and the shift-end summary show, from the catalogue's
// `shiftBoard` namespace in the screen's language. The core sends codes (refusal classes), never sentences.
// What the saved report words the same way (refusal classes, label kinds, figures, bar labels) is one piece
// of code in src/shared/reportFormat.ts; the names below are the screen's own, the printed report's are in
// src/main/core/reports/words.ts (namespace `reports`, fixed to the station's language, not the operator's).
import type { RefusalClass } from '../../../../shared/reports'
import { bucketLabel, figureText, labelKindName, refusalClassNames } from '../../../../shared/reportFormat'

import { useTranslation } from 'react-i18next'

/** The board's words in the screen's language: call at the top of a component. */
export function useReportWords() {
  const { t, i18n } = useTranslation('shiftBoard')
  const language = i18n.language
  const REFUSAL_NAMES: Record<RefusalClass, string> = refusalClassNames(t)
  const W = {
    boardTitle: t('w.boardTitle'),
    liveTab: t('w.liveTab'),
    reportTab: t('w.reportTab'),
    boardUpdated: t('w.boardUpdated'),
    updated: (time: string) => t('w.updated', { time }),
    refreshing: t('w.refreshing'),
    unitsToday: t('w.unitsToday'),
    unitsInRange: t('w.unitsInRange'),
    packed: t('w.packed'),
    shipped: t('w.shipped'),
    inProgress: t('w.inProgress'),
    onHold: t('w.onHold'),
    waiting: t('w.waiting'),
    boxesConfirmed: t('w.boxesConfirmed'),
    refusals: t('w.refusals'),
    printFailures: t('w.printFailures'),
    outboxWaiting: t('w.outboxWaiting'),
    outboxRejected: (n: number) => t('w.outboxRejected', { n }),
    toUnpack: t('w.toUnpack'),
    unitsPerHour: t('w.unitsPerHour'),
    unitsPerDay: t('w.unitsPerDay'),
    today: t('w.today'),
    yesterday: t('w.yesterday'),
    thisRange: t('w.thisRange'),
    pace: t('w.pace'),
    operator: t('w.operator'),
    units: t('w.units'),
    perHour: t('w.perHour'),
    secondsPerUnit: t('w.secondsPerUnit'),
    noScans: t('w.noScans'),
    refusalsByClass: t('w.refusalsByClass'),
    latest: t('w.latest'),
    noRefusals: t('w.noRefusals'),
    time: t('w.time'),
    order: t('w.order'),
    scanned: t('w.scanned'),
    label: t('w.label'),
    printer: t('w.printer'),
    error: t('w.error'),
    noPrintFailures: t('w.noPrintFailures'),
    blockedTitle: t('w.blockedTitle'),
    noBlocked: t('w.noBlocked'),
    from: t('w.from'),
    to: t('w.to'),
    operatorFilter: t('w.operatorFilter'),
    allOperators: t('w.allOperators'),
    show: t('w.show'),
    exportCsv: t('w.exportCsv'),
    exportPdf: t('w.exportPdf'),
    folder: t('w.folder'),
    folderHint: t('w.folderHint'),
    saved: (path: string) => t('w.saved', { path }),
    summaryTitle: t('w.summaryTitle'),
    summaryIntro: t('w.summaryIntro'),
    lastHours: (n: number) => t('w.lastHours', { n }),
    signOut: t('w.signOut'),
    cancel: t('w.cancel'),
    notNow: t('w.notNow')
  }
  /** Figures, label kinds and the bars' hours or days in the screen's language. */
  const F = {
    number: (n: number | null) => figureText(n, language, W.notNow),
    labelKind: (kind: string) => labelKindName(t, kind),
    bucket: (iso: string, bucket: 'hour' | 'day') => bucketLabel(iso, bucket, language, { withYear: false })
  }
  return { W, REFUSAL_NAMES, F }
}
