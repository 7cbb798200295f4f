// The print-job log (`print_jobs`): every label sent to a printer, or that
// failed to be, with its status, the printer's error (in English and as
// catalogue words, so it reads in each operator's language after a restart)
// and the attempts.
import { and, desc, eq } from 'drizzle-orm'
import type { LabelKind, PrintJob } from '../../shared/labels'
import type { Words } from '../../shared/words'
import { isoNow, type Clock } from '../core/clock'
import type { Db } from '../core/db/connection'
import { boxes, operators, orders, printJobs } from '../core/db/schema'
import { refuse } from '../core/errors'
import { newId } from '../core/ids'

export type JobStatus = PrintJob['status']

const columns = {
  id: printJobs.id,
  kind: printJobs.kind,
  format: printJobs.format,
  orderId: printJobs.orderId,
  orderNumber: orders.orderNumber,
  boxId: printJobs.boxId,
  boxNumber: boxes.number,
  printer: printJobs.printer,
  status: printJobs.status,
  error: printJobs.error,
  errorWords: printJobs.errorWords,
  attempts: printJobs.attempts,
  createdBy: operators.name,
  createdAt: printJobs.createdAt,
  updatedAt: printJobs.updatedAt
}

/** A row as read: `errorWords` only when the job failed and its words were stored (older rows keep their English). */
const withWords = ({ errorWords, ...job }: Omit<PrintJob, 'errorWords'> & { errorWords: Words | null }): PrintJob =>
  job.error !== null && errorWords ? { ...job, errorWords } : job

function select(db: Db) {
  return db
    .select(columns)
    .from(printJobs)
    .innerJoin(orders, eq(orders.id, printJobs.orderId))
    .leftJoin(boxes, eq(boxes.id, printJobs.boxId))
    .leftJoin(operators, eq(operators.id, printJobs.createdBy))
}

export function getJob(db: Db, jobId: string): PrintJob {
  const job = select(db).where(eq(printJobs.id, jobId)).get()
  return job ? withWords(job) : refuse('not_found', { key: 'refusals:labels.noPrintJob', params: { jobId } })
}

export function listJobs(db: Db, query: { orderId?: number; limit?: number }): PrintJob[] {
  return select(db)
    .where(query.orderId ? and(eq(printJobs.orderId, query.orderId)) : undefined)
    .orderBy(desc(printJobs.createdAt), desc(printJobs.id))
    .limit(query.limit ?? 100)
    .all()
    .map(withWords)
}

export function createJob(
  db: Db,
  clock: Clock,
  job: { kind: LabelKind; format: 'pdf' | 'zpl'; orderId: number; boxId: string | null; printer: string; createdBy: number | null }
): string {
  const id = newId()
  const at = isoNow(clock)
  db.insert(printJobs)
    .values({ id, ...job, status: 'printing', attempts: 1, createdAt: at, updatedAt: at })
    .run()
  return id
}

export function updateJob(
  db: Db,
  clock: Clock,
  jobId: string,
  change: { status: JobStatus; error?: string | null; errorWords?: Words; printer?: string; format?: 'pdf' | 'zpl'; newAttempt?: boolean }
): void {
  const job = db.select({ attempts: printJobs.attempts }).from(printJobs).where(eq(printJobs.id, jobId)).get()
  if (!job) return
  db.update(printJobs)
    .set({
      status: change.status,
      error: change.error ?? null,
      errorWords: change.error && change.errorWords ? change.errorWords : null,
      ...(change.printer ? { printer: change.printer } : {}),
      ...(change.format ? { format: change.format } : {}),
      attempts: change.newAttempt ? job.attempts + 1 : job.attempts,
      updatedAt: isoNow(clock)
    })
    .where(eq(printJobs.id, jobId))
    .run()
}
