// Why a record could not be imported, as catalogue words (`import:failed.reasons.*`): the failed-imports list
// stores them next to the English `reason`, so each operator reads the reason in their own language. What came
// from elsewhere (zod's account of a bad value, the database's error, a problem an older version stored) stays
// as it came, a value in the sentence. Pure: the file reader's thread makes these too.
import type { Words } from '../../../../shared/words'
import { DISAGREE_PREFIX, NOT_AN_OBJECT } from '../parseOrderFile'

const reason = (name: string, params?: Words['params']): Words => ({ key: `import:failed.reasons.${name}`, ...(params ? { params } : {}) })

/** A problem the file reader found in the record (../parseOrderFile.ts), also as read back from a stored payload. */
export function problemWords(problem: string): Words {
  if (problem === NOT_AN_OBJECT) return reason('notAnObject')
  if (problem.startsWith(DISAGREE_PREFIX)) return reason('rowsDisagree', { field: problem.slice(DISAGREE_PREFIX.length) })
  return reason('asGiven', { problem })
}

/** The record's checks failed: `issues` is zod's account of them (../orderRecord.ts describeIssues). */
export const invalidOrder = (issues: string): Words => reason('invalidOrder', { problem: issues })

export const invalidProduct = (issues: string): Words => reason('invalidProduct', { problem: issues })

/** The order id was imported before by this same file, with other content. */
export const repeatedInFile = (omsOrderId: string, orderNumber: string): Words => reason('repeatedInFile', { omsOrderId, orderNumber })

/** The order id was imported before, with other content. */
export const alreadyImported = (omsOrderId: string, orderNumber: string): Words => reason('alreadyImported', { omsOrderId, orderNumber })

export const unknownSku = (lineId: string, sku: string): Words => reason('unknownSku', { lineId, sku })

/** A constraint or trigger refused the order; `error` is the database's own message. */
export const databaseRefused = (error: string): Words => reason('databaseRefused', { error })
